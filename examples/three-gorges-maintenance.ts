/**
 * What does a Three Gorges lock maintenance closure do?
 *
 * Both lock lines closed for nine days from 1 March 2025 (S/L: 7–10+ days of waiting during lock maintenance).
 *
 *     npx tsx examples/three-gorges-maintenance.ts
 */
import { baseValue, compareChanges, difference, type ExampleOptions, runIfMain, settings } from './lib.js';

export async function main(options: ExampleOptions = {}) {
  const s = settings(options);
  const v = '9-day lock closure';
  const c = await compareChanges(
    {
      [v]: [
        {
          kind: 'close',
          element: { kind: 'hub', id: 'three-gorges-locks' },
          start: '2025-03-01',
          end: '2025-03-10',
          description: 'lock maintenance, both lines',
        },
      ],
    },
    options,
    'days/Yangtze/p95',
  );
  s.print('What does a nine-day Three Gorges lock closure do? (paired differences, 95% CI)');
  s.print(
    `Yangtze door-to-door: ${baseValue(c, 'days/Yangtze/mean', 1)} days; change ${difference(c, v, 'days/Yangtze/mean', 2, ' days')}`,
  );
  s.print(`Yangtze p95 door-to-door: change ${difference(c, v, 'days/Yangtze/p95', 2, ' days')}`);
  s.print(`Yangtze TEU dispatched: ${difference(c, v, 'teu/Yangtze')}; ILSTC TEU: ${difference(c, v, 'teu/ILSTC')}`);
  return c;
}

runIfMain(import.meta.url, main);
