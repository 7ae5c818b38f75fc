/**
 * What does electrifying the Chongqing–Qinzhou trains do to emissions?
 *
 * The ILSTC rail-sea block trains (and their return runs) hauled 100% electrically instead of the bundled default
 * share (data/emission-factors.ts, DEFAULT_ELECTRIC_SHARE, an estimate), everything else unchanged: the same
 * bookings and transit times in both scenarios (common random numbers), so the difference is the traction alone.
 *
 *     npx tsx examples/electrify-rail-sea-trains.ts
 */
import { baseValue, compareChanges, difference, type ExampleOptions, runIfMain, settings } from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const v = 'electric Chongqing–Qinzhou trains';
  const c = await compareChanges(
    {
      [v]: (base) => ({
        ...base,
        emissions: { ...base.emissions, services: { 'ilstc-rail-sea-train': { electricShare: 1 } } },
      }),
    },
    options,
    'co2eKgWtw',
  );
  const perTeu = 'co2eKgWtwPerTeu/ILSTC/rail-sea';
  s.print('What does electrifying the Chongqing–Qinzhou trains do to emissions? (paired differences, 95% CI)');
  s.print(
    `ILSTC rail-sea: ${baseValue(c, perTeu)} kg CO2e per TEU well-to-wheel; change ${difference(c, v, perTeu, 1, ' kg')}`,
  );
  s.print(
    `ILSTC rail-sea tank-to-wheel per TEU: change ${difference(c, v, 'co2eKgTtwPerTeu/ILSTC/rail-sea', 1, ' kg')}`,
  );
  s.print(`All corridors, well-to-wheel: change ${difference(c, v, 'co2eKgWtw', 0, ' kg')}`);
  s.print(`ILSTC TEU dispatched (unchanged by traction): ${difference(c, v, 'teu/ILSTC')}`);
  return c;
}

runIfMain(import.meta.url, main);
