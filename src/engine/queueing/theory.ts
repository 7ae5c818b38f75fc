/**
 * Closed-form and numerically exact results of queueing theory, used to validate the engine.
 * Rates are per hour, times in hours.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';

function rate(field: string, value: number): number {
  if (!(value > 0 && Number.isFinite(value))) throw new InvalidParameterError(field, value, 'a finite number > 0');
  return value;
}

function stable(rho: number): void {
  if (!(rho < 1)) throw new InvalidParameterError('utilisation', rho, '< 1 (the queue is unstable otherwise)');
}

/** M/M/1 mean wait in queue: Wq = ρ / (μ − λ). */
export function mm1WaitHours(arrivalRate: number, serviceRate: number): number {
  const rho = rate('arrivalRate', arrivalRate) / rate('serviceRate', serviceRate);
  stable(rho);
  return rho / (serviceRate - arrivalRate);
}

/** Erlang C: probability an arrival has to wait in an M/M/c queue with offered load a = λ/μ. */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!Number.isInteger(servers) || servers < 1) throw new InvalidParameterError('servers', servers, 'an integer >= 1');
  rate('offeredLoad', offeredLoad);
  stable(offeredLoad / servers);
  // Sum a^k/k! for k < c, computed iteratively to stay finite for large c.
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= offeredLoad / k;
    sum += term;
  }
  const last = (term * offeredLoad) / servers; // a^c / c!
  const tail = last / (1 - offeredLoad / servers);
  return tail / (sum + tail);
}

/** M/M/c mean wait in queue: Wq = C(c, a) / (cμ − λ). */
export function mmcWaitHours(arrivalRate: number, serviceRate: number, servers: number): number {
  const a = rate('arrivalRate', arrivalRate) / rate('serviceRate', serviceRate);
  return erlangC(servers, a) / (servers * serviceRate - arrivalRate);
}

/** M/D/1 mean wait in queue (Pollaczek–Khinchine with deterministic service): Wq = ρ / (2μ(1 − ρ)). */
export function md1WaitHours(arrivalRate: number, serviceRate: number): number {
  const rho = rate('arrivalRate', arrivalRate) / rate('serviceRate', serviceRate);
  stable(rho);
  return rho / (2 * serviceRate * (1 - rho));
}

/** M/G/1 mean wait (Pollaczek–Khinchine): Wq = λ E[S²] / (2(1 − ρ)). */
export function mg1WaitHours(arrivalRate: number, meanServiceHours: number, serviceVariance: number): number {
  rate('arrivalRate', arrivalRate);
  rate('meanServiceHours', meanServiceHours);
  if (!(serviceVariance >= 0)) throw new InvalidParameterError('serviceVariance', serviceVariance, '>= 0');
  const rho = arrivalRate * meanServiceHours;
  stable(rho);
  return (arrivalRate * (serviceVariance + meanServiceHours ** 2)) / (2 * (1 - rho));
}

/**
 * Mean wait for a periodic departure (every `headwayHours`) fed by Poisson arrivals of single units, when each
 * departure takes at most `capacity` units (FIFO; `Infinity` for unlimited).
 *
 * Unlimited: headway / 2. Limited: the number left behind after a departure is the Markov chain
 * Q' = max(Q + A − K, 0), A ~ Poisson(λH); its stationary mean E[Q] is computed numerically (power iteration on a
 * state space truncated where the tail mass is below 1e-13), and by Little's law E[W] = E[Q]/λ + H/2 (the
 * time-average number waiting is E[Q] + λH/2).
 */
export function periodicDepartureWaitHours(arrivalRate: number, headwayHours: number, capacity: number): number {
  rate('arrivalRate', arrivalRate);
  rate('headwayHours', headwayHours);
  if (capacity === Number.POSITIVE_INFINITY) return headwayHours / 2;
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new InvalidParameterError('capacity', capacity, 'an integer >= 1 or Infinity');
  }
  const perCycle = arrivalRate * headwayHours;
  stable(perCycle / capacity);
  return leftBehindMean(perCycle, capacity) / arrivalRate + headwayHours / 2;
}

/** Stationary mean of Q' = max(Q + A − K, 0), A ~ Poisson(m). */
function leftBehindMean(m: number, capacity: number): number {
  // Poisson pmf up to where its tail is negligible.
  const maxA = Math.ceil(m + 12 * Math.sqrt(m) + 20);
  const pmf = new Float64Array(maxA + 1);
  pmf[0] = Math.exp(-m);
  for (let a = 1; a <= maxA; a++) pmf[a] = ((pmf[a - 1] as number) * m) / a;
  let size = 4 * capacity + 64;
  let dist = new Float64Array(size);
  dist[0] = 1;
  for (let iter = 0; iter < 200_000; iter++) {
    const next = new Float64Array(size);
    for (let q = 0; q < size; q++) {
      const p = dist[q] as number;
      if (p === 0) continue;
      for (let a = 0; a <= maxA; a++) {
        const to = Math.max(q + a - capacity, 0);
        if (to < size) next[to] = (next[to] as number) + p * (pmf[a] as number);
      }
    }
    // Renormalise the mass lost at the truncation edge; grow the space if that mass is not negligible.
    let total = 0;
    let tail = 0;
    for (let q = 0; q < size; q++) {
      total += next[q] as number;
      if (q > size - capacity) tail += next[q] as number;
    }
    if (tail > 1e-13) {
      const grown = new Float64Array(size * 2);
      grown.set(dist);
      dist = grown;
      size *= 2;
      continue;
    }
    let change = 0;
    for (let q = 0; q < size; q++) {
      const v = (next[q] as number) / total;
      change += Math.abs(v - (dist[q] as number));
      next[q] = v;
    }
    dist = next;
    if (change < 1e-14) break;
  }
  let mean = 0;
  for (let q = 0; q < size; q++) mean += q * (dist[q] as number);
  return mean;
}
