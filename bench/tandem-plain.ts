/**
 * Model B written by hand: one loop over a binary heap of (time, sequence, kind, payload) in typed arrays, FIFO
 * rings of gate-in times in growable Float64Arrays, no framework. The ceiling the engine version is measured
 * against; same draws, same event order, same results.
 */
import { standardNormal } from '../src/engine/distributions.js';
import { RandomStreams } from '../src/engine/random.js';
import { DurationLog, HOURS_PER_YEAR, type TandemParams, type TandemRun } from './tandem-common.js';

const ARRIVAL = 0;
const CRANE_DONE = 1;
const TRAIN_DEPARTS = 2;
const TRAIN_ARRIVES = 3;
const VESSEL_DEPARTS = 4;
const VESSEL_ARRIVES = 5;

/** FIFO of numbers on a power-of-two ring that doubles by copying in order. */
class Fifo {
  buf = new Float64Array(1024);
  head = 0;
  length = 0;
  push(x: number): void {
    if (this.length === this.buf.length) {
      const grown = new Float64Array(this.buf.length * 2);
      grown.set(this.buf.subarray(this.head));
      grown.set(this.buf.subarray(0, this.head), this.buf.length - this.head);
      this.buf = grown;
      this.head = 0;
    }
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = x;
    this.length++;
  }
  shift(): number {
    const x = this.buf[this.head] as number;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return x;
  }
}

export function tandemPlain(p: TandemParams, seed: string): TandemRun {
  const streams = new RandomStreams(seed);
  const arrivalRng = streams.fresh('arrivals');
  const craneRng = streams.fresh('cranes');
  const trainRng = streams.fresh('trains');
  const gapMean = HOURS_PER_YEAR / p.teuPerYear;
  const horizon = p.horizonHours;

  // Binary heap on (time, seq) with the event's kind and a numeric payload.
  let cap = 64;
  let time = new Float64Array(cap);
  let seqs = new Float64Array(cap);
  let kind = new Uint8Array(cap);
  let value = new Float64Array(cap);
  let size = 0;
  let seq = 0;
  const push = (t: number, k: number, v: number) => {
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
      const v2 = new Float64Array(cap);
      v2.set(value);
      value = v2;
    }
    let i = size++;
    const s = seq++;
    while (i > 0) {
      const q = (i - 1) >> 1;
      if (time[q]! < t || (time[q] === t && seqs[q]! < s)) break;
      time[i] = time[q]!;
      seqs[i] = seqs[q]!;
      kind[i] = kind[q]!;
      value[i] = value[q]!;
      i = q;
    }
    time[i] = t;
    seqs[i] = s;
    kind[i] = k;
    value[i] = v;
  };
  const popTop = () => {
    const last = --size;
    const t = time[last]!;
    const s = seqs[last]!;
    const k = kind[last]!;
    const v = value[last]!;
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      if (c + 1 < size && (time[c + 1]! < time[c]! || (time[c + 1] === time[c] && seqs[c + 1]! < seqs[c]!))) c++;
      if (t < time[c]! || (t === time[c] && s < seqs[c]!)) break;
      time[i] = time[c]!;
      seqs[i] = seqs[c]!;
      kind[i] = kind[c]!;
      value[i] = value[c]!;
      i = c;
    }
    time[i] = t;
    seqs[i] = s;
    kind[i] = k;
    value[i] = v;
  };

  // Loads in transit, by index (payload of the arrival events); indices are recycled.
  const loads: (Float64Array | undefined)[] = [];
  const freeLoads: number[] = [];
  const store = (load: Float64Array): number => {
    const i = freeLoads.length > 0 ? (freeLoads.pop() as number) : loads.length;
    loads[i] = load;
    return i;
  };
  const take = (from: Fifo, capacity: number): Float64Array => {
    const n = Math.min(from.length, capacity);
    const load = new Float64Array(n);
    for (let i = 0; i < n; i++) load[i] = from.shift();
    return load;
  };

  const craneQueue = new Fifo(); // pairs: gate-in, service hours
  const yard = new Fifo();
  const port = new Fifo();
  const log = new DurationLog();
  let busyCranes = 0;
  let maxYard = 0;
  let events = 0;

  push(-gapMean * Math.log(1 - arrivalRng()), ARRIVAL, 0);
  push(p.trainEveryHours, TRAIN_DEPARTS, 0);
  push(p.vesselEveryHours, VESSEL_DEPARTS, 0);
  while (size > 0 && time[0]! <= horizon) {
    const now = time[0]!;
    const k = kind[0]!;
    const v = value[0]!;
    popTop();
    events++;
    switch (k) {
      case ARRIVAL: {
        push(now - gapMean * Math.log(1 - arrivalRng()), ARRIVAL, 0);
        const service = -p.craneMeanHours * Math.log(1 - craneRng());
        if (busyCranes < p.cranes) {
          busyCranes++;
          push(now + service, CRANE_DONE, now);
        } else {
          craneQueue.push(now);
          craneQueue.push(service);
        }
        break;
      }
      case CRANE_DONE: {
        busyCranes--;
        if (craneQueue.length > 0) {
          const gateIn = craneQueue.shift();
          const service = craneQueue.shift();
          busyCranes++;
          push(now + service, CRANE_DONE, gateIn);
        }
        yard.push(v);
        if (yard.length > maxYard) maxYard = yard.length;
        break;
      }
      case TRAIN_DEPARTS: {
        push(now + p.trainEveryHours, TRAIN_DEPARTS, 0);
        const load = take(yard, p.trainCapacity);
        let run: number;
        do run = p.runMeanHours + p.runSdHours * standardNormal(trainRng);
        while (!(run > 0));
        if (load.length > 0) push(now + run, TRAIN_ARRIVES, store(load));
        break;
      }
      case TRAIN_ARRIVES: {
        const load = loads[v] as Float64Array;
        loads[v] = undefined;
        freeLoads.push(v);
        for (let i = 0; i < load.length; i++) port.push(load[i] as number);
        break;
      }
      case VESSEL_DEPARTS: {
        push(now + p.vesselEveryHours, VESSEL_DEPARTS, 0);
        const load = take(port, p.vesselCapacity);
        if (load.length > 0) push(now + p.voyageHours, VESSEL_ARRIVES, store(load));
        break;
      }
      default: {
        const load = loads[v] as Float64Array;
        loads[v] = undefined;
        freeLoads.push(v);
        for (let i = 0; i < load.length; i++) log.push(now - (load[i] as number));
      }
    }
  }
  return { durations: log, events, maxYardBacklog: maxYard };
}
