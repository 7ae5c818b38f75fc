/**
 * A progress bar on stderr, drawn only when stderr is a terminal and output is not quiet.
 *
 * @module
 */

/** Reports progress of long work; silent when not a terminal. */
export class Progress {
  private readonly enabled: boolean;
  private last = '';

  constructor(quiet: boolean, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = !quiet && stream.isTTY === true;
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  /** Draws `label [#####.....] done/total`. */
  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const width = 30;
    const filled = total > 0 ? Math.round((width * done) / total) : 0;
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
    if (line === this.last) return;
    this.last = line;
    this.stream.write(`\r${line}\u001b[K`);
  }

  /** Ends the bar's line. */
  done(): void {
    if (this.enabled && this.last !== '') this.stream.write('\n');
    this.last = '';
  }
}
