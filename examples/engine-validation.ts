/**
 * The engine against queueing theory: M/M/1, M/M/c (Erlang C), M/D/1 (Pollaczek–Khinchine) and periodic departures
 * with unlimited and limited capacity, each compared with theory inside the run's own 99% confidence interval.
 *
 *     npx tsx examples/engine-validation.ts [customers]
 */
import { formatValidationTable, runQueueingValidation } from '../src/index.js';

const customers = Number(process.argv[2] ?? 400_000);
const rows = runQueueingValidation('validation', customers);
console.log(`mean wait in queue, hours; ${customers.toLocaleString('en-US')} customers per model\n`);
console.log(formatValidationTable(rows));
const inside = rows.filter((r) => r.withinInterval).length;
console.log(`\n${inside}/${rows.length} models within their 99% confidence interval of theory.`);
