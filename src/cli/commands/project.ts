/**
 * `corridor-sim project`: projects a scenario year by year and prints volumes, growth, transit trends and the
 * probability of meeting each target.
 *
 * @module
 */
import { GROWTH_MODELS } from '../../experiment/growth-models.js';
import { type GrowthModel, PROJECTION_GROWTH, type Projection, project } from '../../experiment/project.js';
import { marketTable, transitTrendTable } from '../../report/report.js';
import { checkReportTarget } from '../../report/write.js';
import { parseInteger, parseOptions, parseSeed, UsageError } from '../args.js';
import { count, num, table } from '../format.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import { withExecutor } from './distributed.js';
import { COMMON, type Command, common, scenarioFrom, workersOf } from './options.js';
import { projectionFootnote, targetOutlookLine } from './outlook-format.js';
import { report } from './output.js';

/** `corridor-sim project`. */
export const projectCommand: Command = {
  help: `corridor-sim project [scenario.json] [options]

Projects a scenario year by year with uncertain growth and prints, per year, each corridor's volume (mean, 80% and
95% intervals) and the probability of meeting each target.

  --from YEAR          first projected year (default: base year + 1)
  --to YEAR            last projected year (default: --from)
  --replications N     futures per year (default 20)
  --growth MODEL       the demand trend: "scenario" (the flows' own growth rates, default), "history" (each
                       market's log-linear trend fitted to its corridor's observed history), a growth model
                       (${GROWTH_MODELS.join(', ')}) or "auto" (the models pooled by their back-test scores)
  --growth-sd X        spread σ of a year's log growth, every market (default: calibrated from history)
  --trend-sd X         spread of a future's log-trend shift, every market (default: the fitted slope's standard
                       error)
${COMMON}`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        ...common,
        from: { type: 'string' },
        to: { type: 'string' },
        replications: { type: 'string' },
        growth: { type: 'string' },
        'growth-sd': { type: 'string' },
        'trend-sd': { type: 'string' },
      },
    });
    if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
    const scenario = scenarioFrom(positionals[0]);
    const fromYear = parseInteger('from', values.from, scenario.baseYear + 1, scenario.baseYear, 2100);
    const toYear = parseInteger('to', values.to, fromYear, fromYear, fromYear + 50);
    const replications = parseInteger('replications', values.replications, 20, 2, 100_000);
    const spread = (name: 'growth-sd' | 'trend-sd') => {
      const text = values[name];
      if (text === undefined) return undefined;
      const value = Number(text);
      if (text.trim() === '' || !(value >= 0 && Number.isFinite(value))) {
        throw new UsageError(`--${name}: "${text}" is not a number >= 0`);
      }
      return value;
    };
    const growthSd = spread('growth-sd');
    const trendSd = spread('trend-sd');
    const growth = (values.growth ?? 'scenario') as GrowthModel;
    if (!(PROJECTION_GROWTH as readonly string[]).includes(growth)) {
      throw new UsageError(`--growth: "${growth}" is not one of ${PROJECTION_GROWTH.join(', ')}`);
    }
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    await withExecutor(values, replications * (toYear - fromYear + 1), io, async (executor) => {
      const projection = await project(scenario, {
        fromYear,
        toYear,
        replications,
        seed: parseSeed(values.seed, 1),
        ...(workers !== undefined ? { workers } : {}),
        ...(executor !== undefined ? { executor } : {}),
        growth,
        ...(growthSd !== undefined ? { logGrowthSd: growthSd } : {}),
        ...(trendSd !== undefined ? { logTrendSd: trendSd } : {}),
        onProgress: ({ year, done, total }) => progress.update(`projecting ${year}`, done, total),
      });
      progress.done();
      if (values.json) io.out(JSON.stringify({ kind: 'projection', ...projection }));
      else printProjection(io, projection);
      if (values.out !== undefined) {
        const settings = {
          seed: parseSeed(values.seed, 1),
          replications,
          from: fromYear,
          to: toYear,
          growth,
        };
        report(io, values.out, { kind: 'projection', scenario, projection, settings }, values.json);
      }
    });
  },
};

function printProjection(io: CliIo, p: Projection): void {
  io.out(`${p.scenario}: ${p.fromYear}–${p.toYear}, ${count(p.replications, 'future')} per year\n`);
  const growth = marketTable(p);
  io.out(`Demand growth by market (${p.growth} trend)`);
  io.out(table(growth.header, growth.rows));
  io.out(
    "σ: spread of a year's log growth (yearly shocks); s: spread of a future's log trend (the trend's uncertainty)\n",
  );
  const keys = Object.keys(p.years[0]?.volumes ?? {}).filter((k) => !k.includes('/'));
  io.out(
    table(
      ['year', ...keys.map((k) => `${k} TEU (80% interval)`)],
      p.years.map((y) => [
        String(y.year),
        ...keys.map((k) => {
          const v = y.volumes[k];
          return v ? `${num(v.mean)} (${num(v.interval80[0])}–${num(v.interval80[1])})` : '0';
        }),
      ]),
    ),
  );
  const transit = transitTrendTable(p);
  io.out(`\n${transit.caption}`);
  io.out(table(transit.header, transit.rows));
  const outlooks = p.years.flatMap((y) => y.targets);
  if (outlooks.length > 0) {
    io.out('\nTargets');
    for (const t of outlooks) io.out(targetOutlookLine(t));
    for (const line of projectionFootnote(p)) io.out(line);
  }
}
