/**
 * What does a Red Sea-style diversion that pushes Europe cargo onto the CR Express do?
 *
 * Chongqing–Duisburg demand on the rail grows by 12% (S: China–Europe trains +12% in H1 2024 during the Red Sea
 * crisis) and, as a stress case, by 30% (E).
 *
 *     npx tsx examples/red-sea-diversion.ts
 */
import { baseValue, compareChanges, difference, type ExampleOptions, runIfMain, settings } from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const flows = ['cq-duisburg-export', 'cq-duisburg-import'];
  const c = await compareChanges(
    {
      '+12% Europe rail demand': [{ kind: 'scaleDemand', flows, factor: 1.12 }],
      '+30% Europe rail demand': [{ kind: 'scaleDemand', flows, factor: 1.3 }],
    },
    options,
    'days/CR-Express/mean',
  );
  s.print('What does a Red Sea-style diversion do to the CR Express? (paired differences, 95% CI)');
  s.print(
    `Baseline: ${baseValue(c, 'teu/CR-Express')} TEU, door-to-door ${baseValue(c, 'days/CR-Express/mean', 1)} days`,
  );
  for (const v of ['+12% Europe rail demand', '+30% Europe rail demand']) {
    s.print(
      `${v}: TEU ${difference(c, v, 'teu/CR-Express')}; door-to-door ${difference(c, v, 'days/CR-Express/mean', 2, ' days')}; p95 ${difference(c, v, 'days/CR-Express/p95', 2, ' days')}`,
    );
  }
  return c;
}

runIfMain(import.meta.url, main);
