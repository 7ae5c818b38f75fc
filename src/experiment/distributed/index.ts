/**
 * Distributed replications on a BullMQ queue over Redis: {@link redisExecutor} on the coordinator's side,
 * {@link startRedisWorker} on the workers'. See docs/distributed.md.
 *
 * @module
 */
export { type RedisExecutor, type RedisExecutorOptions, redisExecutor } from './coordinator.js';
export { DEFAULT_QUEUE, estimateRunBytes, RedisMemoryError, VersionMismatchError } from './protocol.js';
export { parseRedisUrl, type RedisTarget, RedisUnavailableError, RedisUrlError, redactRedisUrl } from './redis-url.js';
export { type RedisWorker, type RedisWorkerOptions, startRedisWorker } from './worker.js';
