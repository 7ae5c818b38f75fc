/**
 * Diagnostic for the ServerPool overhead (issue 17): instruction counts of M/M/1 through the engine with no pool
 * (`engine`), with `ServerPool` (`pool`), and with a minimal pool written inline on the same engine (`lean`: FIFO of
 * arrival and service times, busy flag, the same time integrals). Run under cachegrind like mm1-count.ts:
 * `node --single-threaded --predictable dist-bench/bench/mm1-pool-variants.js <none|engine|pool|lean>`.
 */
import { RandomStreams, Simulator } from '../src/engine/index.js';
import { mm1Engine, mm1ServerPool } from './mm1-engine.js';
import type { Mm1Outcome } from './mm1-plain.js';

function mm1Lean(customers: number, lambda: number, mu: number, seed: string): Mm1Outcome {
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const services = streams.stream('services');
  const st = { arrived: 0, waitSum: 0.5, served: 0, busy: 0, last: 0.5, busyArea: 0.5, queueArea: 0.5 };
  st.waitSum = 0;
  st.last = 0;
  st.busyArea = 0;
  st.queueArea = 0;
  let cap = 16;
  let q = new Float64Array(2 * cap);
  let head = 0;
  let len = 0;
  const accumulate = () => {
    const dt = sim.now - st.last;
    if (dt > 0) {
      st.busyArea += dt * st.busy;
      st.queueArea += dt * len;
      st.last = sim.now;
    }
  };
  const done = () => {
    accumulate();
    if (len > 0) {
      const waited = sim.now - (q[2 * head] as number);
      const hours = q[2 * head + 1] as number;
      head = (head + 1) & (cap - 1);
      len--;
      st.waitSum += waited;
      st.served++;
      sim.schedule(hours, done);
    } else {
      st.busy = 0;
    }
  };
  const arrival = () => {
    st.arrived++;
    if (st.arrived < customers) sim.schedule(-Math.log(1 - arrivals()) / lambda, arrival);
    const hours = -Math.log(1 - services()) / mu;
    accumulate();
    if (st.busy === 0) {
      st.busy = 1;
      st.served++;
      sim.schedule(hours, done);
    } else {
      if (len === cap) {
        const g = new Float64Array(4 * cap);
        g.set(q.subarray(2 * head));
        g.set(q.subarray(0, 2 * head), 2 * (cap - head));
        q = g;
        head = 0;
        cap *= 2;
      }
      const slot = (head + len) & (cap - 1);
      q[2 * slot] = sim.now;
      q[2 * slot + 1] = hours;
      len++;
    }
  };
  sim.schedule(-Math.log(1 - arrivals()) / lambda, arrival);
  sim.run();
  return { meanWaitHours: st.waitSum / st.served, events: sim.eventsProcessed };
}

const versions = { engine: mm1Engine, pool: mm1ServerPool, lean: mm1Lean } as const;
const [which = 'none'] = process.argv.slice(2);
for (let i = 0; i < 2; i++) for (const run of Object.values(versions)) run(300_000, 0.9, 1, 'warm');
if (which !== 'none') {
  const run = versions[which as keyof typeof versions];
  if (!run) throw new Error('use none, engine, pool or lean');
  console.log(which, JSON.stringify(run(1_000_000, 0.9, 1, 'count')));
}
