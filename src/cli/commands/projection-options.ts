/**
 * The options `project` and `compare --project` share: projected years, growth model and spreads.
 *
 * @module
 */
import { GROWTH_MODELS } from '../../experiment/growth-models.js';
import { type GrowthModel, PROJECTION_GROWTH, type ProjectOptions } from '../../experiment/project.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { parseInteger, UsageError } from '../args.js';

/** Help text of the projection options. */
export const PROJECTION_HELP = `  --from YEAR          first projected year (default: base year + 1)
  --to YEAR            last projected year (default: --from)
  --growth MODEL       the demand trend: "scenario" (the flows' own growth rates, default), "history" (each
                       market's log-linear trend fitted to its corridor's observed history), a growth model
                       (${GROWTH_MODELS.join(', ')}) or "auto" (the models pooled by their back-test scores)
  --growth-sd X        spread σ of a year's log growth, every market (default: calibrated from history)
  --trend-sd X         spread of a future's log-trend shift, every market (default: the fitted slope's standard
                       error)
  --independent-years  run each projected year from empty (default: each future's cargo under way on 31 December
                       is carried into its next year)`;

/** parseArgs definitions of the projection options. */
export const projectionOptions = {
  from: { type: 'string' },
  to: { type: 'string' },
  growth: { type: 'string' },
  'growth-sd': { type: 'string' },
  'trend-sd': { type: 'string' },
  'independent-years': { type: 'boolean' },
} as const;

/** The projection options' values as parsed. */
export type ProjectionValues = Partial<Record<Exclude<keyof typeof projectionOptions, 'independent-years'>, string>> & {
  'independent-years'?: boolean;
};

/** The projection settings the options give (years, growth, spreads) for `scenario`. */
export function parseProjectionOptions(
  values: ProjectionValues,
  scenario: ScenarioSpec,
): Pick<ProjectOptions, 'fromYear' | 'toYear' | 'growth' | 'logGrowthSd' | 'logTrendSd' | 'carryBacklog'> & {
  growth: GrowthModel;
} {
  const fromYear = parseInteger('from', values.from, scenario.baseYear + 1, scenario.baseYear, 2100);
  const toYear = parseInteger('to', values.to, fromYear, fromYear, fromYear + 50);
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
  return {
    fromYear,
    toYear,
    growth,
    ...(growthSd !== undefined ? { logGrowthSd: growthSd } : {}),
    ...(trendSd !== undefined ? { logTrendSd: trendSd } : {}),
    ...(values['independent-years'] === true ? { carryBacklog: false } : {}),
  };
}
