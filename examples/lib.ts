/**
 * Shared helpers of the examples: run a paired comparison of route changes on the bundled scenario and print the
 * answer with 95% confidence intervals. `CORRIDOR_SIM_FAST=1` (or `{ fast: true }`) runs a short version for the
 * test suite.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  applyChanges,
  type Change,
  type Comparison,
  chongqingScenario,
  compare,
  compareProjections,
  type ScenarioSpec,
} from '../src/index.js';

export interface ExampleOptions {
  /** A short run for tests: 2 replications of a quarter. */
  fast?: boolean;
  /** Where to print (default console.log). */
  print?: (line: string) => void;
}

export function settings(options: ExampleOptions) {
  const fast = options.fast ?? process.env.CORRIDOR_SIM_FAST === '1';
  return {
    fast,
    replications: fast ? 2 : 20,
    years: fast ? 0.25 : 1,
    // Fast runs are tiny: starting worker threads would cost more than it saves.
    workers: fast ? 0 : undefined,
    startDate: '2025-01-01',
    print: options.print ?? ((line: string) => console.log(line)),
  };
}

const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `+1,234 (95% CI +800 to +1,700)`. */
export function difference(c: Comparison, variant: string, kpi: string, digits = 0, unit = ''): string {
  const d = c.variants.find((v) => v.name === variant)?.differences[kpi];
  if (!d) return 'n/a';
  const sign = (x: number) => (x > 0 ? '+' : '');
  return `${sign(d.mean)}${fmt(d.mean, digits)}${unit} (95% CI ${sign(d.ci95[0])}${fmt(d.ci95[0], digits)} to ${sign(d.ci95[1])}${fmt(d.ci95[1], digits)}${unit})${d.significant ? '' : ', not significant'}`;
}

/** The base-scenario mean of a KPI, with its 95% half-width. */
export function baseValue(c: Comparison, kpi: string, digits = 0): string {
  const k = c.base.summary.kpis[kpi];
  return k ? `${fmt(k.mean, digits)} ± ${fmt(k.halfWidth95, digits)}` : 'n/a';
}

/** Runs the bundled scenario against variants made of changes, with common random numbers. */
export async function compareChanges(
  variants: Record<string, Change[] | ((base: ScenarioSpec) => ScenarioSpec)>,
  options: ExampleOptions,
  rankBy = 'teu/ILSTC',
): Promise<Comparison> {
  const s = settings(options);
  const base = chongqingScenario();
  return compare(
    { name: 'baseline', scenario: base },
    Object.entries(variants).map(([name, change]) => ({
      name,
      scenario: typeof change === 'function' ? change(chongqingScenario()) : applyChanges(base, change),
    })),
    {
      replications: s.replications,
      seed: 2025,
      startDate: s.startDate,
      years: s.years,
      rankBy,
      ...(s.workers !== undefined ? { workers: s.workers } : {}),
    },
  );
}

/**
 * Does a change raise P(target)? Projects the bundled scenario and the variant over the same futures (growth paths
 * and replication seeds) for `year`, and returns one line per target of that year: P(met) in each and the paired
 * difference with its 95% interval and McNemar's p. 40 futures (2 in fast runs).
 */
export async function targetQuestion(
  variant: string,
  changes: Change[],
  options: ExampleOptions,
  year = 2025,
): Promise<string[]> {
  const s = settings(options);
  const base = chongqingScenario();
  const result = await compareProjections(
    { name: 'baseline', scenario: base },
    [{ name: variant, scenario: applyChanges(base, changes) }],
    {
      fromYear: year,
      toYear: year,
      replications: s.fast ? 2 : 40,
      seed: 2025,
      ...(s.workers !== undefined ? { workers: s.workers } : {}),
    },
  );
  const pct = (x: number) => `${fmt(x * 100)}%`;
  const pp = (x: number) => `${x > 0 ? '+' : ''}${fmt(x * 100)}`;
  return (result.years[0]?.targets[variant] ?? []).map(({ corridor, targetTeu, probability: p }) => {
    const { onlyA, onlyB } = p.discordant;
    return (
      `P(${corridor} ${year} ≥ ${fmt(targetTeu)} TEU): ${pct(p.pA)} → ${pct(p.pB)}, difference ${pp(p.difference)} ` +
      `points (95% CI ${pp(p.ci[0])} to ${pp(p.ci[1])}; futures met only with the change ${onlyB}, only without ` +
      `it ${onlyA}; McNemar p = ${p.mcnemarP.toFixed(2)}; ${p.n} futures)`
    );
  });
}

/**
 * Whether the module at `url` is the script node was started with: `process.argv[1]` resolved through symlinks and
 * turned into a file URL (so paths with spaces or non-ASCII characters compare equal to `import.meta.url`).
 */
export function isMainModule(url: string, script: string | undefined = process.argv[1]): boolean {
  if (!script) return false;
  try {
    return url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/** Runs `main` when the file is executed directly (`npx tsx examples/<name>.ts`). */
export function runIfMain(url: string, main: (options: ExampleOptions) => Promise<unknown>): void {
  if (isMainModule(url)) {
    main({}).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
