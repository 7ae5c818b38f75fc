/**
 * Demand: each origin–destination flow generates shipments (bookings of k TEU) as a non-homogeneous Poisson
 * process whose TEU rate in a month is
 *
 *     teuPerYear × (1 + growth)^(year − baseYear) × seasonality[month] / 12  per calendar month,
 *
 * so a year's expected TEU is the flow's annual volume for that year. The shipment rate is the TEU rate divided by
 * the mean booking size. Arrivals are drawn by inverting the cumulative intensity (exact for a piecewise-constant
 * rate), from the flow's own streams `demand/<flow>/arrivals` and `demand/<flow>/size`, so nothing else in the
 * scenario (services, timetables, capacities) changes a flow's bookings.
 *
 * @module
 */

import type { Distribution } from '../engine/distributions.js';
import { portableLog, portablePow } from '../engine/portable-math.js';
import type { RandomStreams, Rng } from '../engine/random.js';
import type { DemandFlowSpec, DemandSpec } from '../scenario/types.js';
import type { Calendar } from './calendar.js';

/** Trade direction of a flow, as reported in results. */
export type Direction = 'export' | 'import' | 'domestic';

/** A flow's generator state during a run. */
export interface FlowRuntime {
  readonly index: number;
  readonly spec: DemandFlowSpec;
  readonly direction: Direction;
  /** Expected shipments from hour 0 to the start of each month (length months + 1). */
  readonly cumulative: Float64Array;
  /** Shipments per hour in each month. */
  readonly rate: Float64Array;
  readonly arrivals: Rng;
  readonly sizes: Rng;
  readonly choices: Rng;
  /** Cumulative intensity at which the next booking arrives. */
  nextTarget: number;
  /** Month index of the search cursor. */
  month: number;
}

/** Builds the generator of one flow. */
export function flowRuntime(
  index: number,
  spec: DemandFlowSpec,
  demand: DemandSpec,
  baseYear: number,
  calendar: Calendar,
  shipmentTeu: Distribution,
  streams: RandomStreams,
  direction: Direction,
  scale = 1,
): FlowRuntime {
  const months = calendar.months;
  const growth = spec.growthPerYear ?? demand.growthPerYear;
  const cumulative = new Float64Array(months.length + 1);
  const rate = new Float64Array(months.length);
  for (let m = 0; m < months.length; m++) {
    const month = months[m]!;
    const annualTeu = scale * spec.teuPerYear * portablePow(1 + growth, month.year - baseYear);
    const monthTeu = (annualTeu * (demand.seasonality[month.month] as number)) / 12;
    const r = monthTeu / month.fullHours / shipmentTeu.mean;
    rate[m] = r;
    cumulative[m + 1] = (cumulative[m] as number) + r * (month.endHour - month.startHour);
  }
  const arrivals = streams.stream(`demand/${spec.id}/arrivals`);
  return {
    index,
    spec,
    direction,
    cumulative,
    rate,
    arrivals,
    sizes: streams.stream(`demand/${spec.id}/size`),
    choices: streams.stream(`demand/${spec.id}/choice`),
    nextTarget: -portableLog(1 - arrivals()),
    month: 0,
  };
}

/**
 * Hour of the flow's next booking, advancing its state; `Infinity` when no booking falls before the end of the run.
 */
export function nextBookingHour(flow: FlowRuntime, calendar: Calendar): number {
  const { cumulative, rate } = flow;
  const months = calendar.months;
  const target = flow.nextTarget;
  let m = flow.month;
  while (m < months.length && (cumulative[m + 1] as number) < target) m++;
  flow.month = m;
  if (m >= months.length) return Number.POSITIVE_INFINITY;
  const hour = months[m]!.startHour + (target - (cumulative[m] as number)) / (rate[m] as number);
  flow.nextTarget = target - portableLog(1 - flow.arrivals());
  return hour;
}
