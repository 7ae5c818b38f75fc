/**
 * KPI tiles at the top of every report: P(target) with its interval where a projection gives one, the target
 * corridor's TEU, its door-to-door time and the worst bottleneck.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { bundledProjection, bundledSummary, scenario } from './fixtures.js';

/** The tiles of a page: label, value, detail. */
function tiles(html: string): { label: string; value: string; detail: string }[] {
  return [
    ...html.matchAll(
      /<div class="tile"><div class="tile-label">([^<]*)<\/div><div class="tile-value">([^<]*)<\/div>(?:<div class="tile-detail">([^<]*)<\/div>)?<\/div>/g,
    ),
  ].map((m) => ({ label: m[1] as string, value: m[2] as string, detail: m[3] ?? '' }));
}

const index = (files: { name: string; content: string }[]) => files.find((f) => f.name === 'index.html')?.content ?? '';

describe('KPI tiles', () => {
  it('a projection report leads with P(target) and its interval, TEU, door-to-door and the worst bottleneck', async () => {
    const projection = await bundledProjection();
    const html = index(buildReport({ kind: 'projection', scenario, projection, settings: {} }));
    const list = tiles(html);
    expect(list.map((t) => t.label)).toEqual([
      'P(ILSTC ≥ 270,000 TEU in 2025)',
      'ILSTC TEU, 2025',
      'ILSTC door-to-door',
      'Worst bottleneck',
    ]);
    const target = projection.years[0]?.targets[0];
    expect(list[0]?.value).toBe(`${Math.round((target?.probability ?? 0) * 100)}%`);
    expect(list[0]?.detail).toMatch(/^95% CI \d+%–\d+%/);
    expect(list[2]?.value).toMatch(/^\d+\.\d days$/);
    expect(list[3]?.value).toMatch(/^\d+% full$/);
    expect(list[3]?.detail).toMatch(/longest wait: [\d.]+ h /);
    // The tiles come before the headline.
    expect(html.indexOf('class="tiles"')).toBeLessThan(html.indexOf('class="headlines"'));
  }, 120_000);

  it('a replications report has tiles without a probability when its run does not span the target year', async () => {
    const summary = await bundledSummary();
    const html = index(buildReport({ kind: 'replications', scenario, summary, period: '2025 Q1', settings: {} }));
    const labels = tiles(html).map((t) => t.label);
    expect(labels).toEqual(['ILSTC TEU, 2025 Q1', 'ILSTC door-to-door', 'Worst bottleneck']);
  }, 120_000);
});
