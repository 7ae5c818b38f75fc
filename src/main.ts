/**
 * `npm start`: the main job. Until the corridor model lands, it validates the engine against queueing theory and
 * prints the table (model, simulated, theory, error).
 */
import { formatValidationTable, runQueueingValidation } from './engine/queueing/index.js';

const started = performance.now();
const rows = runQueueingValidation('validation', 400_000);
console.log(
  'corridor-sim engine validation against queueing theory (mean wait in queue, hours; 400,000 customers each)\n',
);
console.log(formatValidationTable(rows));
const failed = rows.filter((r) => !r.withinInterval);
console.log(
  `\n${rows.length - failed.length}/${rows.length} models within their 99% confidence interval of theory ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s).`,
);
if (failed.length > 0) process.exitCode = 1;
