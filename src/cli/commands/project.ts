/**
 * `corridor-sim project`: projects a scenario year by year and prints volumes, growth, transit trends and the
 * probability of meeting each target.
 *
 * @module
 */
import { type Projection, project } from '../../experiment/project.js';
import { marketTable, transitTrendTable, turnedAwayTable } from '../../report/report.js';
import { checkReportTarget } from '../../report/write.js';
import { parseInteger, parseOptions, parseSeed, UsageError } from '../args.js';
import { count, num, table } from '../format.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import { withExecutor } from './distributed.js';
import { COMMON, type Command, common, scenarioFrom, workersOf } from './options.js';
import { projectionFootnote, targetOutlookLine } from './outlook-format.js';
import { report } from './output.js';
import { PROJECTION_HELP, parseProjectionOptions, projectionOptions } from './projection-options.js';

/** `corridor-sim project`. */
export const projectCommand: Command = {
  help: `corridor-sim project [scenario.json] [options]

Projects a scenario year by year with uncertain growth and prints, per year, each corridor's volume (mean, 80% and
95% intervals) and the probability of meeting each target.

${PROJECTION_HELP}
  --replications N     futures per year (default 20)
${COMMON}`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        ...common,
        ...projectionOptions,
        replications: { type: 'string' },
      },
    });
    if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
    const scenario = scenarioFrom(positionals[0]);
    const settings = parseProjectionOptions(values, scenario);
    const { fromYear, toYear, growth } = settings;
    const replications = parseInteger('replications', values.replications, 20, 2, 100_000);
    if (values.out !== undefined) checkReportTarget(values.out); // fail now, not after the run
    const progress = new Progress(values.quiet || io.quietProgress === true);
    const workers = workersOf(values.workers);
    await withExecutor(values, replications * (toYear - fromYear + 1), io, async (executor) => {
      const projection = await project(scenario, {
        replications,
        seed: parseSeed(values.seed, 1),
        ...(workers !== undefined ? { workers } : {}),
        ...(executor !== undefined ? { executor } : {}),
        ...settings,
        onProgress: ({ year, done, total }) => progress.update(`projecting ${year}`, done, total),
      });
      progress.done();
      if (values.json) io.out(JSON.stringify({ kind: 'projection', ...projection }));
      else printProjection(io, projection, scenario.routeChoice.maxBacklogHours);
      if (values.out !== undefined) {
        const shown = { seed: parseSeed(values.seed, 1), replications, from: fromYear, to: toYear, growth };
        report(io, values.out, { kind: 'projection', scenario, projection, settings: shown }, values.json);
      }
    });
  },
};

function printProjection(io: CliIo, p: Projection, maxBacklogHours: number | undefined): void {
  const span = p.fromYear === p.toYear ? `${p.fromYear}` : `${p.fromYear}–${p.toYear}`;
  io.out(`${p.scenario}: ${span}, ${count(p.replications, 'future')} per year\n`);
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
  const turnedAway = turnedAwayTable(p, maxBacklogHours);
  io.out(`\n${turnedAway.caption}`);
  io.out(table(turnedAway.header, turnedAway.rows));
  for (const line of carriedLines(p)) io.out(line);
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

/** The backlog each year carried into the next (mean over the futures), when the projection carried it. */
function carriedLines(p: Projection): string[] {
  const out = p.years.flatMap((y) => {
    const teu = y.summary.kpis['carried/out'];
    return teu === undefined || y.year === p.toYear ? [] : [`${y.year} → ${y.year + 1}: ${num(teu.mean)} TEU`];
  });
  if (out.length === 0) return [];
  return ['\nBacklog carried over (cargo waiting and on vehicles on 31 December, mean of the futures)', ...out];
}
