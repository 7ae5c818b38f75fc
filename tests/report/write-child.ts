/**
 * A child process for the signal and race tests of the report writer: writes a large report to the directory given
 * as the first argument again and again, yielding to the event loop between writes (as the CLI does), and prints
 * `wrote <n>` after each write and `refused <n>` when the writer refuses the directory. Runs until killed.
 */
import { ReportError, writeReportFiles } from '../../src/report/write.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-child.ts DIR');
// 24 files of 400 kB: long enough a write that a signal sent while it runs lands in it.
const files = Array.from({ length: 24 }, (_, i) => ({ name: `part-${i}.csv`, content: `${i},`.repeat(100_000) }));

let n = 0;
function loop(): void {
  n++;
  try {
    writeReportFiles(dir as string, files);
    process.stdout.write(`wrote ${n}\n`);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    process.stdout.write(`refused ${n}\n`);
  }
  setImmediate(loop);
}
loop();
