/**
 * The ceiling for the engine benchmark: M/M/1 written as a plain loop over a hand-written binary heap, with no
 * framework (no handler dispatch, no ids, no cancellation). Same generator and same draws as the engine version.
 */
import { RandomStreams } from '../src/engine/random.js';

const ARRIVAL = 0;
const DEPARTURE = 1;

export interface Mm1Outcome {
  meanWaitHours: number;
  events: number;
}

export function mm1Plain(customers: number, lambda: number, mu: number, seed: string): Mm1Outcome {
  // Same streams as the engine version, so both runs see identical draws and must give identical waits.
  const streams = new RandomStreams(seed);
  const arrivals = streams.fresh('arrivals');
  const services = streams.fresh('services');
  // Heap of (time, seq, kind); at most two events are ever pending, but keep it a real heap.
  let cap = 16;
  let time = new Float64Array(cap);
  let seqs = new Float64Array(cap);
  let kind = new Uint8Array(cap);
  let size = 0;
  let seq = 0;
  const push = (t: number, k: number) => {
    if (size === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap);
      t2.set(time);
      time = t2;
      const s2 = new Float64Array(cap);
      s2.set(seqs);
      seqs = s2;
      const k2 = new Uint8Array(cap);
      k2.set(kind);
      kind = k2;
    }
    let i = size++;
    const s = seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p]! < t || (time[p] === t && seqs[p]! < s)) break;
      time[i] = time[p]!;
      seqs[i] = seqs[p]!;
      kind[i] = kind[p]!;
      i = p;
    }
    time[i] = t;
    seqs[i] = s;
    kind[i] = k;
  };
  const popTop = () => {
    const last = --size;
    const t = time[last]!;
    const s = seqs[last]!;
    const k = kind[last]!;
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      if (c + 1 < size && (time[c + 1]! < time[c]! || (time[c + 1] === time[c] && seqs[c + 1]! < seqs[c]!))) c++;
      if (t < time[c]! || (t === time[c] && s < seqs[c]!)) break;
      time[i] = time[c]!;
      seqs[i] = seqs[c]!;
      kind[i] = kind[c]!;
      i = c;
    }
    time[i] = t;
    seqs[i] = s;
    kind[i] = k;
  };

  // FIFO of arrival times (ring buffer).
  let qcap = 1024;
  let queue = new Float64Array(qcap);
  let qhead = 0;
  let qlen = 0;

  let now = 0;
  let busy = false;
  let arrived = 0;
  let waitSum = 0;
  let served = 0;
  let events = 0;
  push(-Math.log(1 - arrivals()) / lambda, ARRIVAL);
  while (size > 0) {
    now = time[0]!;
    const k = kind[0]!;
    popTop();
    events++;
    if (k === ARRIVAL) {
      arrived++;
      if (arrived < customers) push(now - Math.log(1 - arrivals()) / lambda, ARRIVAL);
      if (!busy) {
        busy = true;
        served++;
        push(now - Math.log(1 - services()) / mu, DEPARTURE);
      } else {
        if (qlen === qcap) {
          const grown = new Float64Array(qcap * 2);
          for (let i = 0; i < qlen; i++) grown[i] = queue[(qhead + i) % qcap]!;
          queue = grown;
          qhead = 0;
          qcap *= 2;
        }
        queue[(qhead + qlen) % qcap] = now;
        qlen++;
      }
    } else if (qlen > 0) {
      waitSum += now - queue[qhead]!;
      qhead = (qhead + 1) % qcap;
      qlen--;
      served++;
      push(now - Math.log(1 - services()) / mu, DEPARTURE);
    } else {
      busy = false;
    }
  }
  return { meanWaitHours: waitSum / served, events };
}
