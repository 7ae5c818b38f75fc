/**
 * What the commands share on their way out: the corridor table and the targets of a replication summary (run and
 * merge), and writing a report (`--out`).
 *
 * @module
 */
import type { ReplicationSummary } from '../../experiment/summary.js';
import { corridorTable as corridorRows, type ReportInput, writeReport } from '../../report/report.js';
import { describeKept } from '../../report/write.js';
import { count, num, plusMinus, table } from '../format.js';
import type { CliIo } from '../io.js';

/** The table of TEU and door-to-door times by corridor, with 95% intervals. */
export function corridorTable(summary: ReplicationSummary, year?: string): string {
  const rows = corridorRows(summary, year);
  return table(rows.header, rows.rows);
}

/** Writes a report; with `--json` the notice goes to stderr so stdout stays one JSON document. */
export function report(io: CliIo, dir: string, input: ReportInput, json: boolean): void {
  const written = writeReport(dir, input);
  const notice = `report written to ${written.dir}/index.html (${count(written.files.length, 'file')}${written.replaced ? ', replacing the earlier report' : ''})`;
  if (json) io.err(notice);
  else io.out(`\n${notice}`);
  for (const kept of written.kept) io.err(`corridor-sim: ${describeKept(kept)}`);
}

/** The targets of a summary: TEU toward each, and the share of replications that met it. */
export function printTargets(io: CliIo, summary: ReplicationSummary): void {
  const targets = Object.keys(summary.kpis).filter((k) => k.startsWith('target/') && k.endsWith('/teu'));
  if (targets.length === 0) return;
  io.out('\nTargets');
  for (const key of targets) {
    const id = key.slice('target/'.length, -'/teu'.length);
    const teu = summary.kpis[key]!;
    const met = summary.kpis[`target/${id}/met`];
    io.out(
      `${id}: ${plusMinus(teu.mean, teu.halfWidth95)} TEU; met in ${num((met?.mean ?? 0) * 100, 0)}% of replications`,
    );
  }
}
