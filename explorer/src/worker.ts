/**
 * The explorer's Web Worker: runs the replications the page's pool posts (see `serveReplications`).
 *
 * @module
 */
import { serveReplications, type WorkerScopeLike } from '../../src/core.js';

serveReplications(globalThis as unknown as WorkerScopeLike);
