/**
 * Model B through the engine's public API: Simulator, RandomStreams, the Normal distribution, a ServerPool for the
 * cranes and a DepartureQueue each for the rail yard and the port.
 *
 * The exponential gaps and services are drawn as `-mean * Math.log(1 - u)`, as in the hand-written loop and in
 * Model A, not with the engine's `Exponential`: that one uses `portableLog` (identical in every JavaScript engine),
 * whose last bit differs from `Math.log` for some arguments, so the two versions would no longer see the same draws
 * and give the same results. The benchmark measures the resources and the event loop, not the logarithm.
 */
import { DepartureQueue, Normal, RandomStreams, ServerPool, Simulator } from '../src/engine/index.js';
import { DurationLog, HOURS_PER_YEAR, type TandemParams, type TandemRun } from './tandem-common.js';

export function tandemEngine(p: TandemParams, seed: string): TandemRun {
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const arrivalRng = streams.stream('arrivals');
  const craneRng = streams.stream('cranes');
  const trainRng = streams.stream('trains');
  const gapMean = HOURS_PER_YEAR / p.teuPerYear;
  const serviceMean = p.craneMeanHours;
  // "Redrawn if ≤ 0": truncated to [smallest positive double, ∞).
  const run = new Normal(p.runMeanHours, p.runSdHours, { min: Number.MIN_VALUE });
  const log = new DurationLog();

  const yard = new DepartureQueue<number>(sim, { name: 'yard' });
  const port = new DepartureQueue<number>(sim, { name: 'port' });
  const cranes = new ServerPool<number>(sim, {
    servers: p.cranes,
    name: 'cranes',
    onComplete: (gateIn) => yard.add(gateIn, 1),
  });

  const arrival = () => {
    sim.schedule(-gapMean * Math.log(1 - arrivalRng()), arrival);
    cranes.submit(sim.now, -serviceMean * Math.log(1 - craneRng()));
  };

  let load: number[] = [];
  const onLoad = (gateIn: number) => {
    load.push(gateIn);
  };
  const trainArrives = (gateIns: number[]) => {
    for (let i = 0; i < gateIns.length; i++) port.add(gateIns[i] as number, 1);
  };
  const trainDeparts = () => {
    sim.schedule(p.trainEveryHours, trainDeparts);
    load = [];
    yard.load(p.trainCapacity, onLoad);
    const hours = run.sample(trainRng);
    if (load.length > 0) sim.schedule(hours, trainArrives, load);
  };
  const vesselArrives = (gateIns: number[]) => {
    const now = sim.now;
    for (let i = 0; i < gateIns.length; i++) log.push(now - (gateIns[i] as number));
  };
  const vesselDeparts = () => {
    sim.schedule(p.vesselEveryHours, vesselDeparts);
    load = [];
    port.load(p.vesselCapacity, onLoad);
    if (load.length > 0) sim.schedule(p.voyageHours, vesselArrives, load);
  };

  sim.schedule(-gapMean * Math.log(1 - arrivalRng()), arrival);
  sim.schedule(p.trainEveryHours, trainDeparts);
  sim.schedule(p.vesselEveryHours, vesselDeparts);
  sim.run({ until: p.horizonHours });
  return { durations: log, events: sim.eventsProcessed, maxYardBacklog: yard.stats().maxUnitsWaiting };
}
