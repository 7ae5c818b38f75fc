/**
 * portableLog and portableExp run their series unrolled with precomputed reciprocals (for speed). The results must be
 * the very doubles of the loop form that produced the golden outputs: these properties compare bit for bit with the
 * loop form, kept here as the reference.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { portableExp, portableLog } from '../../src/engine/portable-math.js';

const view = new DataView(new ArrayBuffer(8));
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const FACTORIALS = [
  1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800, 87178291200,
];

function twoTo(k: number): number {
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

function loopLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : Number.NaN;
  if (x === Infinity) return x;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984;
    e = -54;
  }
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  e += ((high >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  let t = 1 / 25;
  for (let n = 11; n >= 1; n--) t = t * z + 1 / (2 * n + 1);
  const hfsq = 0.5 * f * f;
  const logM = f - (hfsq - s * (hfsq + 2 * t * z));
  return e * LN2_HI + (e * LN2_LO + logM);
}

function loopExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x === 0) return 1;
  const k = Math.round(x * Math.LOG2E);
  const r = x - k * LN2_HI - k * LN2_LO;
  let q = 1 / (FACTORIALS[14] as number);
  for (let n = 13; n >= 0; n--) q = q * r + 1 / (FACTORIALS[n] as number);
  if (k > 1023) return q * twoTo(1023) * twoTo(k - 1023);
  if (k < -1021) return q * twoTo(k + 1000) * twoTo(-1000);
  return q * twoTo(k);
}

describe('portable maths, unrolled', () => {
  test.prop([fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true })], { numRuns: 20_000 })(
    'portableLog gives the loop form’s double on any non-negative double',
    (x) => {
      expect(Object.is(portableLog(x), loopLog(x))).toBe(true);
    },
  );
  test.prop([fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 20_000 })(
    'portableLog gives the loop form’s double on (0, 1] (the draws’ 1 − u)',
    (x) => {
      expect(Object.is(portableLog(x), loopLog(x))).toBe(true);
    },
  );
  test.prop([fc.double({ min: -750, max: 750, noNaN: true })], { numRuns: 20_000 })(
    'portableExp gives the loop form’s double',
    (x) => {
      expect(Object.is(portableExp(x), loopExp(x))).toBe(true);
    },
  );
});
