import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type ReplicationSummary, summariseValues } from '../../src/experiment/summary.js';
import { CSV_BOM, csvNumber, kpisCsv, toCsv, transitByOdCsv } from '../../src/report/csv.js';
import { scenario } from './fixtures.js';

/** An RFC 4180 reader, to check that what toCsv writes reads back cell for cell (after the byte-order mark). */
function parseCsv(document: string): string[][] {
  expect(document.startsWith(CSV_BOM)).toBe(true);
  const text = document.slice(CSV_BOM.length);
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

/** Undoes the formula guard, as a reader would: one leading apostrophe off a cell that starts `'…=` and the like. */
const unguard = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe('CSV', () => {
  test.prop([fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 20 })])(
    'text cells read back exactly (quotes, commas, line breaks), once the formula guard is undone',
    (rows) => {
      expect(parseCsv(toCsv(['a', 'b', 'c'], rows)).map((r) => r.map(unguard))).toEqual([['a', 'b', 'c'], ...rows]);
    },
  );

  /** Text or a number, with the formula characters and apostrophes made likely. */
  const cell = fc.oneof(
    fc.string(),
    fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "''", '0', ' '), fc.string()).map(([a, b]) => a + b),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    fc.integer(),
  );
  test.prop([fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 20 })])(
    'numbers stay numbers (negative ones too); no text cell starts a formula; text reads back exactly',
    (rows) => {
      const read = parseCsv(toCsv(['x', 'y'], rows)).slice(1);
      for (const [i, row] of rows.entries()) {
        for (const [j, value] of row.entries()) {
          const written = read[i]?.[j] as string;
          if (typeof value === 'number') {
            expect(written).toBe(csvNumber(value));
            expect(written).toMatch(/^-?\d+(\.\d{1,4})?$/);
          } else {
            expect(written).not.toMatch(/^[=+\-@\t\r]/);
            expect(unguard(written)).toBe(value);
          }
        }
      }
    },
  );

  it('neutralises formulas in text cells with an apostrophe, and leaves numbers and other text alone', () => {
    const doc = toCsv(
      ['name', 'value'],
      [
        ['=HYPERLINK("http://x","y")', -5],
        ['+1', 2.5],
        ['-north', -0.25],
      ],
    );
    expect(doc).toBe(`${CSV_BOM}name,value\r\n"'=HYPERLINK(""http://x"",""y"")",-5\r\n'+1,2.5\r\n'-north,-0.25\r\n`);
    expect(toCsv(['a'], [['@SUM(A1)'], ['\tx'], ["'=x"], ["it's"], ['Chongqing–Qinzhou']])).toBe(
      `${CSV_BOM}a\r\n'@SUM(A1)\r\n'\tx\r\n''=x\r\nit's\r\nChongqing–Qinzhou\r\n`,
    );
  });

  it('starts with a UTF-8 byte-order mark, so Excel reads non-ASCII names as written', () => {
    const bytes = Buffer.from(toCsv(['corridor'], [['Chongqing–Qinzhou']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('corridor\r\nChongqing–Qinzhou\r\n');
  });

  it('one replication: intervals that do not exist are empty cells, everything defined is filled', () => {
    const one = summariseValues([7]);
    expect(one.ci95).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(kpisCsv({ kpis: { 'teu/ILSTC': one } } as unknown as ReplicationSummary)).toBe(
      `${CSV_BOM}kpi,n,mean,sd,ci95_low,ci95_high,min,p05,p10,p50,p90,p95,max\r\nteu/ILSTC,1,7,0,,,7,7,7,7,7,7,7\r\n`,
    );
    const flow = scenario.demand.flows[0]!;
    const summary = {
      kpis: {
        [`flow/${flow.id}/generated`]: summariseValues([120]),
        [`flow/${flow.id}/days/mean`]: summariseValues([3.5]),
        [`flow/${flow.id}/days/p95`]: summariseValues([6]),
        [`flow/${flow.id}/via/ILSTC/rail-sea/days/mean`]: summariseValues([3]),
        [`flow/${flow.id}/via/ILSTC/rail-sea/days/p95`]: summariseValues([5]),
      },
    } as unknown as ReplicationSummary;
    const rows = parseCsv(transitByOdCsv(summary, scenario));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const mine = rows.filter((r) => r[0] === flow.id);
    expect(mine.map((r) => r[col('via')])).toEqual(['all', 'ILSTC/rail-sea']);
    for (const r of mine) {
      expect(r[col('teu_generated_mean')]).toBe('120');
      expect(r[col('door_to_door_days_ci95_low')]).toBe('');
      expect(r[col('door_to_door_days_ci95_high')]).toBe('');
      expect(r[col('replications_with_deliveries')]).toBe('1');
    }
    expect(rows.flat().join(',')).not.toMatch(/Infinity/);
  });

  test.prop([fc.double({ min: -1e12, max: 1e12, noNaN: true })])('numbers are plain decimals within 5e-5', (x) => {
    const s = csvNumber(x);
    expect(s).toMatch(/^-?\d+(\.\d{1,4})?$/);
    expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(5e-5 + Math.abs(x) * 1e-15);
  });

  it('writes NaN and infinities as empty, integers as they are, and undefined cells as empty', () => {
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvNumber(Number.NEGATIVE_INFINITY)).toBe('');
    expect(csvNumber(270000)).toBe('270000');
    expect(csvNumber(-0.00001)).toBe('0');
    expect(toCsv(['x', 'y'], [[undefined, true]])).toBe(`${CSV_BOM}x,y\r\n,true\r\n`);
  });
});
