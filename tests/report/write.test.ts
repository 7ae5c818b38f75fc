/**
 * Reports are written all at once, never over something that is not an earlier corridor-sim report.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportTarget, MANIFEST, ReportError, writeReportFiles } from '../../src/report/write.js';

const root = mkdtempSync(join(tmpdir(), 'corridor-sim-write-'));
let n = 0;
const fresh = () => join(root, `case-${n++}`);
const files = (tag: string) => [
  { name: 'index.html', content: `<p>${tag}</p>` },
  { name: 'data.csv', content: `a\r\n${tag}\r\n` },
];
/** Nothing but the report directories themselves may be left beside them. */
const leftovers = () => readdirSync(root).filter((e) => e.startsWith('.'));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The id of a process that has ended (a real child node, waited for). */
const deadPid = () => {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  return child.pid as number;
};
/** Every file under `dir` (one level of folders), by relative path, with its content. */
const contents = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('writeReportFiles', () => {
  it('creates the directory (and its parents) with the files and a manifest', () => {
    const dir = join(fresh(), 'nested', 'report');
    const written = writeReportFiles(dir, files('one'));
    expect(written.replaced).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'data.csv', 'index.html'].sort());
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>one</p>');
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
    expect(manifest.files).toEqual(['data.csv', 'index.html']);
    expect(manifest.sha256).toEqual({ 'data.csv': sha256('a\r\none\r\n'), 'index.html': sha256('<p>one</p>') });
    expect(manifest.bytes).toEqual({ 'data.csv': 8, 'index.html': 10 });
    expect(written.kept).toEqual([]);
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

  it('never deletes a file the manifest lists but whose content it did not write: it is kept and reported', () => {
    // A manifest (as older versions wrote it, without hashes) that lists the user's own file.
    const legacy = fresh();
    mkdirSync(legacy);
    writeFileSync(join(legacy, 'secret.txt'), 'my secret');
    writeFileSync(join(legacy, 'index.html'), '<p>old</p>');
    writeFileSync(
      join(legacy, MANIFEST),
      JSON.stringify({ generator: 'corridor-sim', files: ['secret.txt', 'index.html'] }),
    );
    const written = writeReportFiles(legacy, files('new'));
    expect(written.replaced).toBe(true);
    expect(readFileSync(join(legacy, 'index.html'), 'utf8')).toBe('<p>new</p>');
    expect(written.kept).toEqual([{ dir: `${legacy}.kept`, files: ['index.html', 'secret.txt'] }]);
    expect(readFileSync(join(`${legacy}.kept`, 'secret.txt'), 'utf8')).toBe('my secret');

    // A manifest with hashes: a listed file with other content (a forged entry, a file edited since) is kept;
    // the earlier report's own files go.
    const edited = fresh();
    writeReportFiles(edited, files('one'));
    writeFileSync(join(edited, 'index.html'), '<p>my notes</p>');
    const manifest = JSON.parse(readFileSync(join(edited, MANIFEST), 'utf8'));
    writeFileSync(join(edited, 'secret.txt'), 'mine');
    manifest.files.push('secret.txt');
    manifest.sha256['secret.txt'] = sha256('something else');
    writeFileSync(join(edited, MANIFEST), JSON.stringify(manifest));
    mkdirSync(`${edited}.kept`); // taken: the next free name is used
    writeFileSync(join(`${edited}.kept`, 'x'), 'x');
    const again = writeReportFiles(edited, files('two'));
    expect(again.kept).toEqual([{ dir: `${edited}.kept-2`, files: ['index.html', 'secret.txt'] }]);
    expect(contents(`${edited}.kept-2`)).toMatchObject({ 'index.html': '<p>my notes</p>', 'secret.txt': 'mine' });
    expect(existsSync(join(`${edited}.kept-2`, 'data.csv'))).toBe(false);
    expect(contents(edited)).toMatchObject({ 'index.html': '<p>two</p>', 'data.csv': 'a\r\ntwo\r\n' });
    expect(leftovers()).toEqual([]);
  });

  it('sweeps what a killed write left: puts a moved-aside report back, keeps what it did not write', () => {
    const pid = deadPid();
    // Killed between the two renames: the earlier report sits aside and its place is empty.
    const lost = fresh();
    writeReportFiles(lost, files('one'));
    const aside = join(root, `.${lost.split('/').pop()}.previous-${pid}-0000beef`);
    renameSync(lost, aside);
    expect(existsSync(lost)).toBe(false);
    const check = checkReportTarget(lost); // the check alone changes nothing
    expect(check).toBeUndefined();
    expect(existsSync(aside)).toBe(true);
    const written = writeReportFiles(lost, files('two'));
    expect(written.replaced).toBe(true); // the earlier report went back, then was replaced as usual
    expect(written.kept).toEqual([]);
    expect(readFileSync(join(lost, 'index.html'), 'utf8')).toBe('<p>two</p>');

    // An earlier report aside holding a file someone put in it, and a staging directory with a file cut short
    // and one it never listed.
    const busy = fresh();
    const name = busy.split('/').pop();
    writeReportFiles(busy, files('one'));
    const previous = join(root, `.${name}.previous-${pid}-0000cafe`);
    mkdirSync(previous);
    for (const f of files('zero')) writeFileSync(join(previous, f.name), f.content);
    writeFileSync(
      join(previous, MANIFEST),
      JSON.stringify({
        generator: 'corridor-sim',
        files: ['data.csv', 'index.html'],
        sha256: { 'data.csv': sha256('a\r\nzero\r\n'), 'index.html': sha256('<p>zero</p>') },
      }),
    );
    writeFileSync(join(previous, 'dropped-in.txt'), 'mine');
    const staging = join(root, `.${name}.staging-${pid}-0000f00d`);
    mkdirSync(staging);
    writeFileSync(
      join(staging, MANIFEST),
      JSON.stringify({
        generator: 'corridor-sim',
        files: ['data.csv', 'index.html'],
        sha256: { 'data.csv': sha256('a\r\nnine\r\n'), 'index.html': sha256('<p>nine</p>') },
        bytes: { 'data.csv': 9, 'index.html': 11 },
      }),
    );
    writeFileSync(join(staging, 'data.csv'), 'a\r\nnine\r\n');
    writeFileSync(join(staging, 'index.html'), '<p>ni'); // cut short by the kill
    writeFileSync(join(staging, 'other.txt'), 'not listed');
    // A live process's work directory is left alone.
    const live = join(root, `.${name}.staging-${process.ppid}-0000d00d`);
    mkdirSync(live);

    const swept = writeReportFiles(busy, files('two'));
    const kept = swept.kept.map((k) => k.dir).sort();
    expect(kept).toEqual([`${busy}.kept`, `${busy}.kept-2`]);
    const all = Object.assign({}, ...kept.map(contents));
    expect(all).toMatchObject({ 'dropped-in.txt': 'mine', 'other.txt': 'not listed' });
    expect(Object.keys(all)).not.toContain('index.html');
    expect(Object.keys(all)).not.toContain('data.csv');
    expect(readdirSync(root).filter((e) => e.startsWith(`.${name}.`))).toEqual([live.split('/').pop()]);
    rmdirSync(live);
  });

  it('refuses --out "" naming the option, and a path under a file', () => {
    expect(() => checkReportTarget('')).toThrow(
      'out: --out "" is an empty path; expected the path of the report directory',
    );
    expect(() => writeReportFiles('', files('x'))).toThrow(/--out ""/);
    const file = fresh();
    writeFileSync(file, 'x');
    expect(() => checkReportTarget(join(file, 'report'))).toThrow(
      `out: cannot create ${join(file, 'report')} for the report: ${file} is a file, not a directory (ENOTDIR)`,
    );
    expect(() => writeReportFiles(join(file, 'a', 'report'), files('x'))).toThrow(ReportError);
  });

  it('symbolic links: to nothing, refused before any work; to a report, written through (the link stays)', () => {
    const dangling = fresh();
    symlinkSync(join(root, 'nowhere', 'report'), dangling);
    expect(() => checkReportTarget(dangling)).toThrow(
      `out: ${dangling} is a symbolic link to a path that does not exist`,
    );
    expect(() => writeReportFiles(dangling, files('x'))).toThrow(/symbolic link/);
    expect(existsSync(join(root, 'nowhere'))).toBe(false);

    const real = fresh();
    writeReportFiles(real, files('one'));
    const link = fresh();
    symlinkSync(real, link);
    checkReportTarget(link);
    const written = writeReportFiles(link, files('two'));
    expect(written).toMatchObject({ dir: link, replaced: true, kept: [] });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(join(real, 'index.html'), 'utf8')).toBe('<p>two</p>');

    const toFile = fresh();
    writeFileSync(`${toFile}.txt`, 'x');
    symlinkSync(`${toFile}.txt`, toFile);
    expect(() => checkReportTarget(toFile)).toThrow(/is a symbolic link to a file/);
    expect(leftovers()).toEqual([]);
  });

  it('creates missing parents only when writing, and removes those it created when the write fails', () => {
    const base = fresh();
    mkdirSync(base);
    const dir = join(base, 'a', 'b', 'report');
    checkReportTarget(dir);
    expect(readdirSync(base)).toEqual([]); // the check before the run leaves nothing
    const broken = [...files('two'), { name: 'bad.csv', content: Symbol('not text') as unknown as string }];
    expect(() => writeReportFiles(dir, broken)).toThrow(ReportError);
    expect(readdirSync(base)).toEqual([]);
    // A parent that existed stays.
    mkdirSync(join(base, 'a'));
    expect(() => writeReportFiles(dir, broken)).toThrow(ReportError);
    expect(readdirSync(base)).toEqual(['a']);
    expect(readdirSync(join(base, 'a'))).toEqual([]);
    writeReportFiles(dir, files('ok'));
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>ok</p>');
  });
});
