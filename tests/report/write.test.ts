/**
 * Reports are written all at once, never over something that is not an earlier corridor-sim report.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, ReportError, writeReportFiles } from '../../src/report/write.js';

const root = mkdtempSync(join(tmpdir(), 'corridor-sim-write-'));
let n = 0;
const fresh = () => join(root, `case-${n++}`);
const files = (tag: string) => [
  { name: 'index.html', content: `<p>${tag}</p>` },
  { name: 'data.csv', content: `a\r\n${tag}\r\n` },
];
/** Nothing but the report directories themselves may be left beside them. */
const leftovers = () => readdirSync(root).filter((e) => e.startsWith('.'));

describe('writeReportFiles', () => {
  it('creates the directory (and its parents) with the files and a manifest', () => {
    const dir = join(fresh(), 'nested', 'report');
    const written = writeReportFiles(dir, files('one'));
    expect(written.replaced).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'data.csv', 'index.html'].sort());
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>one</p>');
    expect(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')).files).toEqual(['data.csv', 'index.html']);
  });

  it('replaces an earlier report whole (files it no longer writes are gone)', () => {
    const dir = fresh();
    writeReportFiles(dir, [...files('one'), { name: 'old.svg', content: '<svg/>' }]);
    const written = writeReportFiles(dir, files('two'));
    expect(written.replaced).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'data.csv', 'index.html'].sort());
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>two</p>');
    expect(leftovers()).toEqual([]);
  });

  it('writes into an empty directory', () => {
    const dir = fresh();
    mkdirSync(dir);
    expect(writeReportFiles(dir, files('x')).replaced).toBe(false);
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
  });

  it('refuses a directory holding anything it did not write, and touches nothing', () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.docx'), 'my work');
    expect(() => writeReportFiles(dir, files('x'))).toThrow(ReportError);
    expect(() => writeReportFiles(dir, files('x'))).toThrow(/not a corridor-sim report/);
    expect(readdirSync(dir)).toEqual(['thesis.docx']);

    const report = fresh();
    writeReportFiles(report, files('one'));
    writeFileSync(join(report, 'notes.txt'), 'mine');
    expect(() => writeReportFiles(report, files('two'))).toThrow(/"notes.txt", which the earlier report did not write/);
    expect(readFileSync(join(report, 'index.html'), 'utf8')).toBe('<p>one</p>');
    expect(leftovers()).toEqual([]);
  });

  it('refuses a path that is a file', () => {
    const path = fresh();
    writeFileSync(path, 'x');
    expect(() => writeReportFiles(path, files('x'))).toThrow(/is a file, not a directory/);
    expect(readFileSync(path, 'utf8')).toBe('x');
  });

  it('refuses file names with folders or the manifest name, before writing anything', () => {
    const dir = fresh();
    for (const name of ['../escape.html', 'a/b.csv', MANIFEST, '', '.hidden']) {
      expect(() => writeReportFiles(dir, [{ name, content: '' }])).toThrow(ReportError);
    }
    expect(() => writeReportFiles(dir, [...files('a'), ...files('b')])).toThrow(/used twice/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a failure part-way leaves the earlier report as it was and no staging directory', () => {
    const dir = fresh();
    writeReportFiles(dir, files('one'));
    const broken = [...files('two'), { name: 'bad.csv', content: Symbol('not text') as unknown as string }];
    expect(() => writeReportFiles(dir, broken)).toThrow(ReportError);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>one</p>');
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'data.csv', 'index.html'].sort());
    expect(leftovers()).toEqual([]);
  });
});
