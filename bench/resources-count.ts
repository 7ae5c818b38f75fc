/**
 * Load-independent second opinion on the resources ratios (issue 17): instruction counts under valgrind instead of
 * wall time. Warms both versions of the chosen model up (twice each, seed `warm`), then runs one of them (or none, to
 * measure the fixed cost of start-up and warm-up):
 *
 * ```sh
 * for m in A B300 B100; do for v in none plain engine; do
 *   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
 *     node --single-threaded --predictable dist-bench/bench/resources-count.js $m $v 2>&1 | grep 'I *refs'
 * done; done
 * ```
 *
 * A version's instructions are its count minus the `none` count of the same model; the ratio is engine ÷ plain.
 */
import { mm1ServerPool } from './mm1-engine.js';
import { mm1Plain } from './mm1-plain.js';
import { summarise, tandemParams } from './tandem-common.js';
import { tandemEngine } from './tandem-engine.js';
import { tandemPlain } from './tandem-plain.js';

type Run = (seed: string) => string;
const tandem = (capacity: number, version: typeof tandemPlain): Run => {
  return (seed) => {
    const r = version(tandemParams(capacity), seed);
    const s = summarise(r.durations);
    return `${s.delivered} TEU, mean ${s.meanHours} h, p95 ${s.p95Hours} h, ${r.events} events`;
  };
};
const models: Record<string, { plain: Run; engine: Run }> = {
  A: {
    plain: (seed) => JSON.stringify(mm1Plain(1_000_000, 0.9, 1, seed)),
    engine: (seed) => JSON.stringify(mm1ServerPool(1_000_000, 0.9, 1, seed)),
  },
  B300: { plain: tandem(300, tandemPlain), engine: tandem(300, tandemEngine) },
  B100: { plain: tandem(100, tandemPlain), engine: tandem(100, tandemEngine) },
};

const [model = 'A', which = 'none'] = process.argv.slice(2);
const chosen = models[model];
if (chosen === undefined || (which !== 'none' && which !== 'plain' && which !== 'engine')) {
  throw new Error('usage: resources-count.js <A|B300|B100> <none|plain|engine>');
}
for (let i = 0; i < 2; i++) {
  chosen.plain('warm');
  chosen.engine('warm');
}
if (which !== 'none') console.log(`${model} ${which}: ${chosen[which]('count')}`);
