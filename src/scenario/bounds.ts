/**
 * Physical upper (and a few lower) bounds of the scenario's quantities. A value beyond one is not a bolder
 * scenario but a typo or a unit slip (TEU per day given per year, hours given in seconds), and left unchecked it
 * makes a run hang (a departure every 10⁻⁶ h), exhaust memory (10⁸ cranes) or overflow to Infinity and NaN
 * (10³⁰⁸ TEU). Each bound is generous — one to three orders of magnitude beyond the largest real value — and states
 * its reason, which the error repeats: `services[x].capacityTeu: 1e+308 is not <= 100000 (TEU one departure can
 * carry; the largest container ships carry about 24,000)`.
 *
 * @module
 */

/** A bound and the reason it is physical. */
export interface Bound {
  readonly value: number;
  readonly why: string;
}

const bound = (value: number, why: string): Bound => ({ value, why });

/** The bounds, by quantity. */
export const BOUNDS = {
  year: { min: bound(1900, 'a year of container transport'), max: bound(2200, 'a year within two centuries') },
  servers: bound(1000, 'parallel servers at one terminal; the largest ports run about 150 quay cranes'),
  gaugeTracks: bound(100, 'parallel gauge-change tracks at one border station; the largest have about 20'),
  backgroundTrainsPerDay: bound(2000, 'trains per day through one station; the busiest handle a few hundred'),
  lockagesPerDay: bound(500, 'lockages per day in one direction; one every 3 minutes, where real ones take 30+'),
  vesselsPerLockage: bound(100, 'vessels in one lockage; the Three Gorges locks take about 10'),
  backgroundVesselsPerDay: bound(10_000, 'vessels per day and direction at one lock; the busiest pass a few hundred'),
  closuresPerYear: bound(365, 'closures per year, at most one a day'),
  distanceKm: bound(40_000, 'km of one link; the Earth is 40,075 km round'),
  costUsdPerTeu: bound(1_000_000, 'USD per TEU of one leg; the dearest freight rates are about 20,000'),
  everyHoursMin: bound(
    0.1,
    'hours between departures; a scheduled train or ship every 6 minutes at most (trucks: use "continuous")',
  ),
  hoursSpan: bound(87_660, 'hours, ten years'),
  capacityTeuPerDay: bound(1_000_000, 'TEU per day; the largest port handles about 140,000'),
  capacityTeu: bound(100_000, 'TEU one departure can carry; the largest container ships carry about 24,000'),
  teuPerYear: bound(1e9, "TEU per year; the whole world's ports handle about 900 million"),
  growthPerYear: bound(10, 'a yearly growth rate of +1000%'),
  valueOfTimeUsdPerTeuHour: bound(10_000, 'USD per TEU per hour; a box of chips worth USD 10 million is about 100'),
  alternatives: bound(50, 'alternative routes per origin-destination pair'),
  logitScalePerUsd: bound(1000, 'per USD; at 1 per USD choice is already all-or-nothing'),
  slowFactor: bound(1000, 'a time multiplier; a thousand times slower is a closure'),
  changeFactor: bound(1000, 'a multiplier of a scenario variant'),
  targetTeu: bound(1e9, "TEU per year; the whole world's ports handle about 900 million"),
  distributionParameter: bound(1e7, 'a parameter of a distribution of hours or TEU (10 million hours is 1,100 years)'),
  durationMeanHours: bound(87_660, 'mean hours, ten years'),
  boxStockTeu: bound(
    1_000_000,
    'TEU of empty boxes of one pool at one hub; the largest container depots hold a few tens of thousands',
  ),
  reviewHours: {
    min: bound(0.1, 'hours between reviews of the base stocks; one every 6 minutes at most'),
    max: bound(87_660, 'hours, ten years'),
  },
  lotTeu: {
    min: bound(1, 'TEU of one lot of empties; a lot smaller than one box only multiplies the parts'),
    max: bound(100_000, 'TEU of one lot of empties; the largest container ships carry about 24,000'),
  },
  emissionFactorKgCo2e: bound(
    1000,
    'kg CO2e per TEU-km or per TEU handled; a truck emits about 1 kg per TEU-km, an air freighter about 10, a terminal about 15 per TEU',
  ),
  leaseCostUsdPerTeu: bound(1_000_000, 'USD to lease one TEU; a new 20-foot box costs about 2,000-3,000'),
  shipmentTeu: {
    min: bound(0.01, 'mean TEU per booking; a booking of less than 1% of a box'),
    max: bound(100_000, 'mean TEU per booking; a whole ship'),
  },
} as const;

/** What a bound expects, for error messages: `<= 100000 (TEU one departure can carry; ...)`. */
export const atMost = (b: Bound): string => `<= ${b.value} (${b.why})`;
/** What a lower bound expects. */
export const atLeast = (b: Bound): string => `>= ${b.value} (${b.why})`;
