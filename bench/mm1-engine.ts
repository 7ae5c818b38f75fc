/** M/M/1 through the public engine API: Simulator + RandomStreams, plain handlers, a RingQueue of arrival times. */
import { RandomStreams, RingQueue, ServerPool, Simulator } from '../src/engine/index.js';
import type { Mm1Outcome } from './mm1-plain.js';

export function mm1Engine(customers: number, lambda: number, mu: number, seed: string): Mm1Outcome {
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const services = streams.stream('services');
  const queue = new RingQueue<number>();
  let busy = false;
  let arrived = 0;
  let served = 0;
  let waitSum = 0;

  const departure = () => {
    if (queue.length > 0) {
      waitSum += sim.now - queue.take();
      served++;
      sim.schedule(-Math.log(1 - services()) / mu, departure);
    } else {
      busy = false;
    }
  };
  const arrival = () => {
    arrived++;
    if (arrived < customers) sim.schedule(-Math.log(1 - arrivals()) / lambda, arrival);
    if (!busy) {
      busy = true;
      served++;
      sim.schedule(-Math.log(1 - services()) / mu, departure);
    } else {
      queue.push(sim.now);
    }
  };
  sim.schedule(-Math.log(1 - arrivals()) / lambda, arrival);
  sim.run();
  return { meanWaitHours: waitSum / served, events: sim.eventsProcessed };
}

/** The same model with the engine's ServerPool resource doing the queueing. */
export function mm1ServerPool(customers: number, lambda: number, mu: number, seed: string): Mm1Outcome {
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const services = streams.stream('services');
  let arrived = 0;
  let waitSum = 0;
  let served = 0;
  const pool = new ServerPool<number>(sim, {
    servers: 1,
    onComplete: (_job, waited) => {
      waitSum += waited;
      served++;
    },
  });
  const arrival = () => {
    arrived++;
    if (arrived < customers) sim.schedule(-Math.log(1 - arrivals()) / lambda, arrival);
    pool.submit(arrived, -Math.log(1 - services()) / mu);
  };
  sim.schedule(-Math.log(1 - arrivals()) / lambda, arrival);
  sim.run();
  return { meanWaitHours: waitSum / served, events: sim.eventsProcessed };
}
