/**
 * Classic queueing models simulated with the engine (Simulator, RandomStreams, ServerPool, DepartureQueue), for
 * validation against {@link ./theory}. Each returns its estimate with a batch-means Student-t confidence interval,
 * so a comparison with theory can use the run's own uncertainty as its tolerance.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { Distribution } from '../distributions.js';
import { Exponential } from '../distributions.js';
import { RandomStreams, type Seed } from '../random.js';
import { DepartureQueue } from '../resources/departure-queue.js';
import { ServerPool } from '../resources/server-pool.js';
import { Simulator } from '../simulator.js';
import { type ConfidenceInterval, Tally } from '../statistics/index.js';

/** What a validation run measured. */
export interface QueueRunResult {
  /** Mean wait in queue (hours) over the customers after warm-up, with a batch-means confidence interval. */
  waitHours: ConfidenceInterval;
  /** Customers served. */
  customers: number;
  /** Time-average number in the system over the whole run (from empty to empty). */
  meanInSystem: number;
  /** Observed arrival rate × mean time in system over the whole run; equals `meanInSystem` by Little's law. */
  littleProduct: number;
  /** Fraction of server capacity used over the whole run. */
  utilisation: number;
  /** Events the simulator processed. */
  events: number;
}

/** Options shared by the validation models. */
export interface QueueRunOptions {
  /** Customers to simulate (integer ≥ 100). */
  customers: number;
  seed: Seed;
  /** Fraction of the first customers left out of the wait estimate (initial transient). Default 0.05. */
  warmupFraction?: number;
  /** Batches for the batch-means interval. Default 30. */
  batches?: number;
  /** Confidence level of the interval. Default 0.99. */
  level?: number;
}

function checkRunOptions(options: QueueRunOptions): Required<Omit<QueueRunOptions, 'seed'>> {
  const { customers, warmupFraction = 0.05, batches = 30, level = 0.99 } = options;
  if (!Number.isInteger(customers) || customers < 100) {
    throw new InvalidParameterError('customers', customers, 'an integer >= 100');
  }
  if (!(warmupFraction >= 0 && warmupFraction < 1)) {
    throw new InvalidParameterError('warmupFraction', warmupFraction, 'a number in [0, 1)');
  }
  if (!Number.isInteger(batches) || batches < 2) throw new InvalidParameterError('batches', batches, 'an integer >= 2');
  return { customers, warmupFraction, batches, level };
}

/** Batch means of a sequence of observations, after dropping a warm-up prefix. */
function batchMeansInterval(values: Float64Array, warmupFraction: number, batches: number, level: number) {
  const start = Math.floor(values.length * warmupFraction);
  const per = Math.floor((values.length - start) / batches);
  if (per < 1) throw new InvalidParameterError('customers', values.length, `enough for ${batches} batches`);
  const means = new Tally();
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    const from = start + b * per;
    for (let i = from; i < from + per; i++) sum += values[i] as number;
    means.add(sum / per);
  }
  return means.confidenceInterval(level);
}

/**
 * G/G/c-style station with Poisson arrivals: `servers` servers, FIFO, service times from `service`.
 * M/M/c with an exponential service, M/D/1 with a constant.
 */
export function simulateStation(
  arrivalRate: number,
  service: Distribution,
  servers: number,
  options: QueueRunOptions,
): QueueRunResult {
  const { customers, warmupFraction, batches, level } = checkRunOptions(options);
  const sim = new Simulator();
  const streams = new RandomStreams(options.seed);
  const arrivalsRng = streams.stream('arrivals');
  const serviceRng = streams.stream('service');
  const interarrival = new Exponential(1 / arrivalRate);
  const waits = new Float64Array(customers);
  let served = 0;
  let sojournSum = 0;
  // The job is its arrival time: the sojourn is read off at completion without any per-job object.
  const pool = new ServerPool<number>(sim, {
    servers,
    name: 'station',
    onComplete: (arrivedAt, waited) => {
      waits[served++] = waited;
      sojournSum += sim.now - arrivedAt;
    },
  });
  let arrived = 0;
  const arrive = () => {
    arrived++;
    pool.submit(sim.now, service.sample(serviceRng));
    if (arrived < customers) sim.schedule(interarrival.sample(arrivalsRng), arrive);
  };
  sim.schedule(interarrival.sample(arrivalsRng), arrive);
  sim.run();
  const stats = pool.stats();
  return {
    waitHours: batchMeansInterval(waits, warmupFraction, batches, level),
    customers: served,
    meanInSystem: stats.meanInSystem,
    littleProduct: (served / stats.observedHours) * (sojournSum / served),
    utilisation: stats.utilisation,
    events: sim.eventsProcessed,
  };
}

/** What a periodic-departure run measured. */
export interface DepartureRunResult extends QueueRunResult {
  /** Most units any single departure took. */
  maxLoaded: number;
  /** Departures that left units behind. */
  departuresWithLeftovers: number;
}

/**
 * Poisson arrivals of single units wait for a departure every `headwayHours` that takes at most `capacity` units
 * (FIFO; `Infinity` for unlimited). Departures continue until every unit has left.
 */
export function simulatePeriodicDeparture(
  arrivalRate: number,
  headwayHours: number,
  capacity: number,
  options: QueueRunOptions,
): DepartureRunResult {
  const { customers, warmupFraction, batches, level } = checkRunOptions(options);
  if (!(capacity >= 1)) throw new InvalidParameterError('capacity', capacity, 'a number >= 1 or Infinity');
  const sim = new Simulator();
  const streams = new RandomStreams(options.seed);
  const arrivalsRng = streams.stream('arrivals');
  const interarrival = new Exponential(1 / arrivalRate);
  const queue = new DepartureQueue<number>(sim, { name: 'platform' });
  const waits = new Float64Array(customers);
  let loadedCount = 0;
  let arrived = 0;
  let maxLoaded = 0;
  let withLeftovers = 0;
  let inSystemArea = 0;
  let lastChange = 0;
  let inSystem = 0;
  const track = () => {
    inSystemArea += (sim.now - lastChange) * inSystem;
    lastChange = sim.now;
  };
  const onLoad = (_item: number, _units: number, waited: number) => {
    waits[loadedCount++] = waited;
  };
  const depart = () => {
    track();
    const room = capacity === Number.POSITIVE_INFINITY ? queue.unitsWaiting : capacity;
    const loaded = queue.load(room, onLoad);
    inSystem -= loaded;
    if (loaded > maxLoaded) maxLoaded = loaded;
    if (queue.unitsWaiting > 0) withLeftovers++;
    if (arrived < customers || queue.unitsWaiting > 0) sim.schedule(headwayHours, depart);
  };
  const arrive = () => {
    track();
    arrived++;
    inSystem++;
    queue.add(arrived, 1);
    if (arrived < customers) sim.schedule(interarrival.sample(arrivalsRng), arrive);
  };
  sim.schedule(interarrival.sample(arrivalsRng), arrive);
  sim.schedule(headwayHours, depart);
  sim.run();
  let waitSum = 0;
  for (let i = 0; i < loadedCount; i++) waitSum += waits[i] as number;
  const hours = sim.now;
  const stats = queue.stats();
  return {
    waitHours: batchMeansInterval(waits.subarray(0, loadedCount), warmupFraction, batches, level),
    customers: loadedCount,
    meanInSystem: inSystemArea / hours,
    littleProduct: (loadedCount / hours) * (waitSum / loadedCount),
    utilisation: stats.loadFactor,
    events: sim.eventsProcessed,
    maxLoaded,
    departuresWithLeftovers: withLeftovers,
  };
}
