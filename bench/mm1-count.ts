/**
 * Load-independent second opinion on the M/M/1 ratio: instruction counts under valgrind instead of wall time.
 *
 * Warms all three versions up, then runs one of them (or none, to measure the fixed cost of start-up and warm-up):
 *
 * ```sh
 * for v in none plain engine pool; do
 *   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
 *     node --single-threaded --predictable dist-bench/bench/mm1-count.js $v 1000000 2>&1 | grep 'I *refs'
 * done
 * ```
 *
 * The instructions of a version are its count minus the `none` count; `--single-threaded --predictable` make the
 * counts repeat to within about 0.05% (a few hundred thousand of ~2-4 billion instructions here), far below the
 * differences between versions.
 */
import { mm1Engine, mm1ServerPool } from './mm1-engine.js';
import { mm1Plain } from './mm1-plain.js';

const versions = { plain: mm1Plain, engine: mm1Engine, pool: mm1ServerPool } as const;

const [which = 'none', count = '1000000'] = process.argv.slice(2);
for (let i = 0; i < 3; i++) {
  for (const run of Object.values(versions)) run(50_000, 0.9, 1, 'warm');
}
if (which !== 'none') {
  const run = versions[which as keyof typeof versions];
  if (!run) throw new Error(`unknown version "${which}"; use none, plain, engine or pool`);
  const outcome = run(Number(count), 0.9, 1, 'count');
  console.log(`${which}: ${outcome.events} events, mean wait ${outcome.meanWaitHours}`);
}
