import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { csvNumber, toCsv } from '../../src/report/csv.js';

/** An RFC 4180 reader, to check that what toCsv writes reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  return rows;
}

describe('CSV', () => {
  test.prop([fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 20 })])(
    'text cells read back exactly (quotes, commas, line breaks)',
    (rows) => {
      expect(parseCsv(toCsv(['a', 'b', 'c'], rows))).toEqual([['a', 'b', 'c'], ...rows]);
    },
  );

  test.prop([fc.double({ min: -1e12, max: 1e12, noNaN: true })])('numbers are plain decimals within 5e-5', (x) => {
    const s = csvNumber(x);
    expect(s).toMatch(/^-?\d+(\.\d{1,4})?$/);
    expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(5e-5 + Math.abs(x) * 1e-15);
  });

  it('writes NaN as empty, integers as they are, and undefined cells as empty', () => {
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(270000)).toBe('270000');
    expect(csvNumber(-0.00001)).toBe('0');
    expect(toCsv(['x', 'y'], [[undefined, true]])).toBe('x,y\r\n,true\r\n');
  });
});
