// Development-only worker entry: when corridor-sim runs from its TypeScript sources (vitest, tsx), worker threads
// load the sensitivity worker through tsx. The published package uses the compiled dist/experiment/sensitivity/worker.js.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./worker.ts', import.meta.url);
export default worker.default;
