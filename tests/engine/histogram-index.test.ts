/**
 * QuantileHistogram computes a bucket index with Math.log and falls back to portableLog near a bucket edge; the index
 * must be exactly the portable one (⌈portableLog(m) / ln γ⌉) for every value, or histograms from different engines
 * (and the golden outputs) would differ. Checked on arbitrary doubles and on values a few ulp around bucket edges.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { portableExp, portableLog } from '../../src/engine/portable-math.js';
import { QuantileHistogram } from '../../src/engine/statistics/quantile-histogram.js';

interface Internals {
  index(m: number): number;
  multiplier: number;
  logGamma: number;
}
const internals = (h: QuantileHistogram) => h as unknown as Internals;
const portableIndex = (h: Internals, m: number) => Math.ceil(portableLog(m) * h.multiplier) + 0;

/** The double `steps` ulp above (steps > 0) or below x > 0. */
function ulpStep(x: number, steps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(steps));
  return view.getFloat64(0);
}

describe('QuantileHistogram bucket index', () => {
  const accuracies = fc.constantFrom(1e-4, 0.001, 0.005, 0.01, 0.1, 0.5);

  test.prop([accuracies, fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true })])(
    'equals the portable index for any positive double',
    (alpha, m) => {
      const h = internals(new QuantileHistogram({ relativeAccuracy: alpha }));
      expect(h.index(m)).toBe(portableIndex(h, m));
    },
  );

  test.prop([accuracies, fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -4, max: 4 })])(
    'equals the portable index a few ulp around a bucket edge',
    (alpha, k, steps) => {
      const h = internals(new QuantileHistogram({ relativeAccuracy: alpha }));
      const edge = portableExp(k * h.logGamma);
      if (!(edge > 0 && edge < Number.POSITIVE_INFINITY)) return;
      const m = ulpStep(edge, steps);
      expect(h.index(m)).toBe(portableIndex(h, m));
    },
  );

  test.prop([fc.array(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), { maxLength: 300 })])(
    'gives the same JSON as a histogram fed through the portable index',
    (values) => {
      const h = new QuantileHistogram();
      for (const v of values) h.add(v);
      const counts = new Map<number, number>();
      for (const v of values) {
        const i = portableIndex(internals(h), v);
        counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      const json = h.toJSON();
      json.positive.counts.forEach((c, i) => {
        if (c > 0) expect(counts.get(json.positive.offset + i)).toBe(c);
      });
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(values.length);
    },
  );
});
