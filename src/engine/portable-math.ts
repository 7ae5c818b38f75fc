/**
 * Logarithm, exponential and powers computed the same, bit for bit, on every JavaScript engine: built only from
 * IEEE-754 operations that JavaScript rounds exactly (`+ - * /`, `Math.sqrt`, integer bit manipulation), never from
 * `Math.log`, `Math.exp` or `**`, whose last bit differs between engines and engine versions (Node 20's V8 and
 * Chromium 156's disagree in the last bit for a few percent of arguments). The simulation draws its random variates
 * and scales its demand with these, so a run is identical in Node, in a browser and in a Web Worker.
 *
 * Accuracy: within 2 units in the last place (ulp) of the exact value for {@link portableLog}, {@link portableExp} and
 * {@link portableLog1p} (tested against `Math` on random arguments); {@link portablePow} with an integer exponent
 * multiplies by squaring (error below |y| ulp), otherwise computes exp(y·log x), whose error grows with |y·log x|
 * (a few ulp per unit of |y·log x|; below 1e-14 relative while |y·log x| < 30, as in the simulation's uses).
 *
 * @module
 */

const view = new DataView(new ArrayBuffer(8));

/** ln 2 split: `LN2_HI` has its low 21 bits zero, so `k * LN2_HI` is exact for |k| < 2^21. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E;
const TWO_54 = 18014398509481984;

/** 2^k for an integer k from -1022 to 1023, from its bits. */
function twoTo(k: number): number {
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

// 1/(2n + 1) for the logarithm's series.
const INV_3 = 1 / 3;
const INV_5 = 1 / 5;
const INV_7 = 1 / 7;
const INV_9 = 1 / 9;
const INV_11 = 1 / 11;
const INV_13 = 1 / 13;
const INV_15 = 1 / 15;
const INV_17 = 1 / 17;
const INV_19 = 1 / 19;
const INV_21 = 1 / 21;
const INV_23 = 1 / 23;
const INV_25 = 1 / 25;

/** Natural logarithm; `NaN` below 0, `-Infinity` at 0, like `Math.log`. */
export function portableLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : Number.NaN;
  if (x === Infinity) return x;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_54; // subnormal: scale into the normal range first
    e = -54;
  }
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  e += ((high >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (high & 0x000fffff) | 0x3ff00000); // mantissa m in [1, 2)
  let m = view.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2; // exact; m in [sqrt(1/2), sqrt(2))
    e += 1;
  }
  // log m = 2 atanh(s) with s = f/(2 + f), f = m − 1 (exact, by Sterbenz); |s| < 0.1716, z = s² < 0.0295.
  // With p = atanh(s)/s − 1 = z/3 + z²/5 + … and hfsq = f²/2: log m = f − (hfsq − s·(hfsq + 2p)), which keeps the
  // rounding of s away from the leading term f (the arrangement fdlibm uses).
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  // The series to z^12/25 (the rest is below 2^-60 of log m) by Horner, t = (…(1/25·z + 1/23)·z + …)·z + 1/3,
  // unrolled, with the reciprocals computed once (the same doubles, no division per call).
  let t = INV_25 * z + INV_23;
  t = t * z + INV_21;
  t = t * z + INV_19;
  t = t * z + INV_17;
  t = t * z + INV_15;
  t = t * z + INV_13;
  t = t * z + INV_11;
  t = t * z + INV_9;
  t = t * z + INV_7;
  t = t * z + INV_5;
  t = t * z + INV_3;
  const hfsq = 0.5 * f * f;
  const logM = f - (hfsq - s * (hfsq + 2 * t * z));
  return e * LN2_HI + (e * LN2_LO + logM);
}

/** n! for n = 0..14 (exact doubles). */
const FACTORIALS = [
  1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800, 87178291200,
];

const inverseFactorial = (n: number) => 1 / (FACTORIALS[n] as number);
const INV_FACTORIAL_0 = inverseFactorial(0);
const INV_FACTORIAL_1 = inverseFactorial(1);
const INV_FACTORIAL_2 = inverseFactorial(2);
const INV_FACTORIAL_3 = inverseFactorial(3);
const INV_FACTORIAL_4 = inverseFactorial(4);
const INV_FACTORIAL_5 = inverseFactorial(5);
const INV_FACTORIAL_6 = inverseFactorial(6);
const INV_FACTORIAL_7 = inverseFactorial(7);
const INV_FACTORIAL_8 = inverseFactorial(8);
const INV_FACTORIAL_9 = inverseFactorial(9);
const INV_FACTORIAL_10 = inverseFactorial(10);
const INV_FACTORIAL_11 = inverseFactorial(11);
const INV_FACTORIAL_12 = inverseFactorial(12);
const INV_FACTORIAL_13 = inverseFactorial(13);
const INV_FACTORIAL_14 = inverseFactorial(14);

/** e^x; `Infinity` above ≈ 709.78, 0 below ≈ −745.13, like `Math.exp`. */
export function portableExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x === 0) return 1;
  // x = k ln 2 + r, |r| ≤ ln2/2 (Cody–Waite: k·LN2_HI is exact).
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // e^r by its Taylor series to r^14/14! (the rest is below 2^-60 for |r| ≤ 0.35), by Horner, unrolled, with the
  // reciprocals 1/n! computed once (the same doubles as a division per call).
  let q = INV_FACTORIAL_14 * r + INV_FACTORIAL_13;
  q = q * r + INV_FACTORIAL_12;
  q = q * r + INV_FACTORIAL_11;
  q = q * r + INV_FACTORIAL_10;
  q = q * r + INV_FACTORIAL_9;
  q = q * r + INV_FACTORIAL_8;
  q = q * r + INV_FACTORIAL_7;
  q = q * r + INV_FACTORIAL_6;
  q = q * r + INV_FACTORIAL_5;
  q = q * r + INV_FACTORIAL_4;
  q = q * r + INV_FACTORIAL_3;
  q = q * r + INV_FACTORIAL_2;
  q = q * r + INV_FACTORIAL_1;
  q = q * r + INV_FACTORIAL_0;
  if (k > 1023) return q * twoTo(1023) * twoTo(k - 1023);
  if (k < -1021) return q * twoTo(k + 1000) * twoTo(-1000);
  return q * twoTo(k);
}

/** log(1 + x), accurate for small x, like `Math.log1p`. */
export function portableLog1p(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === -1) return -Infinity;
  if (x < -1) return Number.NaN;
  const u = 1 + x;
  if (u === 1) return x;
  // log(u)·x/(u − 1): the rounding of 1 + x cancels (Goldberg's trick).
  return (portableLog(u) * x) / (u - 1);
}

/**
 * x^y for finite x > 0 (any finite y), or any x with an integer y. Integer exponents multiply by squaring; others use
 * exp(y·log x). Other arguments (x ≤ 0 with a fractional y, non-finite values) are not used by the simulation and
 * give `NaN`.
 *
 * Accuracy of the fractional case: log's error (≤ 2 ulp) and the rounding of the product y·log x are errors in the
 * exponent, so they are multiplied by |y·ln x| in the result: the relative error is within about
 * (5·|y·ln x| + 4)·2⁻⁵³ (e.g. 3.9e−14 for x = 1e−6, y = 5, where |y·ln x| = 69). Gamma draws with shape < 1, the only
 * fractional use, are far inside double precision's use for a simulation; the bits are the same on every engine.
 */
export function portablePow(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 2 ** 31) {
    let n = Math.abs(y);
    let base = x;
    let result = 1;
    while (n > 0) {
      if (n % 2 === 1) result *= base;
      n = Math.floor(n / 2);
      if (n > 0) base *= base;
    }
    return y < 0 ? 1 / result : result;
  }
  if (!(x > 0) || !Number.isFinite(x) || !Number.isFinite(y)) return Number.NaN;
  return portableExp(y * portableLog(x));
}
