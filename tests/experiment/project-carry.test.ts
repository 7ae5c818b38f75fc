/**
 * Projections carrying each future's backlog into its next year (`carryBacklog`, default on): a saturated corridor's
 * backlog, waits and diversions build up from year to year, and do not when the years run on their own; the result
 * is the same for any number of workers.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges, type Projection, project, type ScenarioSpec } from '../../src/index.js';
import { lineScenario } from '../model/fixtures.js';

/**
 * A line whose only train is cut hard by a scenario change: 9,000 TEU a year of bookings for 20 TEU a day. With
 * `turnAwayDays`, shippers turn away once the backlog ahead of them would take longer than that to clear.
 */
function saturated(turnAwayDays?: number): ScenarioSpec {
  const base = lineScenario({ teuPerYear: 9000, capacityTeu: 100, handling: true });
  if (turnAwayDays !== undefined) base.routeChoice.maxBacklogHours = 24 * turnAwayDays;
  return applyChanges(base, [{ kind: 'setCapacity', service: 'train', capacityTeu: 20 }]);
}

const options = {
  fromYear: 2025,
  toYear: 2027,
  replications: 3,
  seed: 4,
  workers: 0,
  logGrowthSd: 0,
  logTrendSd: 0,
};

const kpi = (p: Projection, year: number, name: string) => p.years.find((y) => y.year === year)?.summary.kpis[name];
const mean = (p: Projection, year: number, name: string) => kpi(p, year, name)?.mean ?? 0;

describe('project: backlog carried over', async () => {
  const carried = await project(saturated(), options);
  const independent = await project(saturated(), { ...options, carryBacklog: false });
  const turningAway = await project(saturated(90), options);
  const turningAwayIndependent = await project(saturated(90), { ...options, carryBacklog: false });

  it('carries a growing backlog from year to year', () => {
    expect(mean(carried, 2025, 'carried/in')).toBe(0);
    const out2025 = mean(carried, 2025, 'carried/out');
    expect(out2025).toBeGreaterThan(1000);
    // What one year carries out, the next carries in (each future's own pipeline).
    expect(mean(carried, 2026, 'carried/in')).toBeCloseTo(out2025, 6);
    expect(mean(carried, 2027, 'carried/in')).toBeCloseTo(mean(carried, 2026, 'carried/out'), 6);
    expect(mean(carried, 2026, 'carried/out')).toBeGreaterThan(1.5 * out2025);
    expect(mean(carried, 2027, 'carried/out')).toBeGreaterThan(1.2 * mean(carried, 2026, 'carried/out'));
    expect(mean(carried, 2026, 'carried/ILSTC/in')).toBeCloseTo(out2025, 6);
    // Shippers who turn away at a 90-day backlog hold it near 90 days of trains (1,800 TEU), carried every year.
    expect(mean(turningAway, 2026, 'carried/in')).toBeGreaterThan(1500);
  });

  it('lets waits and diversions accumulate; independent years start from empty each time', () => {
    const wait = (p: Projection, year: number) => mean(p, year, 'wait/a/departure');
    const diverted = (p: Projection, year: number) => mean(p, year, 'diverted');
    // Carried: each year starts with last year's queue, so boxes wait longer every year.
    expect(wait(carried, 2026)).toBeGreaterThan(1.5 * wait(carried, 2025));
    expect(wait(carried, 2027)).toBeGreaterThan(1.2 * wait(carried, 2026));
    // Independent years: each starts empty, so the waits do not build up.
    expect(wait(independent, 2026)).toBeLessThan(1.15 * wait(independent, 2025));
    expect(wait(independent, 2027)).toBeLessThan(1.15 * wait(independent, 2025));
    // With a turn-away limit, carried years start at the limit: more shippers turn away than in the first year, and
    // than in years that start empty.
    expect(diverted(turningAway, 2026)).toBeGreaterThan(1.2 * diverted(turningAway, 2025));
    expect(diverted(turningAway, 2027)).toBeGreaterThan(1.2 * diverted(turningAwayIndependent, 2027));
    expect(diverted(turningAwayIndependent, 2027)).toBeLessThan(1.15 * diverted(turningAwayIndependent, 2025));
    expect(kpi(independent, 2026, 'carried/in')).toBeUndefined();
    // The first year is the same run either way (it only also reports what it carries out).
    expect(mean(carried, 2025, 'teu/ILSTC')).toBe(mean(independent, 2025, 'teu/ILSTC'));
  });

  it('gives the same projection with 1 and 2 worker threads', async () => {
    const short = { ...options, toYear: 2026, replications: 4 };
    const one = await project(saturated(), { ...short, workers: 1 });
    const two = await project(saturated(), { ...short, workers: 2 });
    expect(mean(one, 2026, 'carried/in')).toBeGreaterThan(0);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
