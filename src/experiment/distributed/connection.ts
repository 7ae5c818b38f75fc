/**
 * Connecting to Redis: a first connection that fails within seconds with a clear error (refused, unknown host, wrong
 * password, timeout), the server's memory figures, and the connection options BullMQ gets.
 *
 * @module
 */
import type { RedisOptions as BullRedisOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisMemoryError } from './protocol.js';
import { type RedisTarget, RedisUnavailableError } from './redis-url.js';

/** How long the first connection may take before Redis counts as unreachable (ms). */
export const CONNECT_TIMEOUT_MS = 5000;

/** The ioredis options of `target` (also what BullMQ's connections are made from). */
export function redisOptions(target: RedisTarget): BullRedisOptions {
  const options: BullRedisOptions = { host: target.host, port: target.port, db: target.db };
  if (target.username !== undefined) options.username = target.username;
  if (target.password !== undefined) options.password = target.password;
  if (target.tls) options.tls = { servername: target.host };
  return options;
}

/**
 * Opens a connection to `target` and checks it answers PING. Once connected, the client reconnects on its own after
 * a dropped connection (up to a minute), like BullMQ's.
 *
 * @throws RedisUnavailableError within about {@link CONNECT_TIMEOUT_MS} when Redis cannot be reached or refuses the
 * credentials; the message shows the URL with its password hidden.
 */
export async function connectRedis(target: RedisTarget, timeoutMs = CONNECT_TIMEOUT_MS): Promise<Redis> {
  let connected = false;
  const { Redis } = await import('ioredis'); // loaded on first use: plain library users never pay for it
  const client = new Redis({
    ...redisOptions(target),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 3,
    enableOfflineQueue: true,
    retryStrategy: (times) => (connected && times <= 120 ? Math.min(times * 200, 1000) : null),
  });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
  });
  const timer = setTimeout(() => client.disconnect(), timeoutMs + 500);
  try {
    await client.connect();
    await client.ping();
    connected = true;
    return client;
  } catch (error) {
    client.disconnect();
    const reason = (lastError ?? (error as Error)).message || String(error);
    throw new RedisUnavailableError(
      `cannot reach Redis at ${target.display} (${reason.includes('Connection is closed') ? `no answer within ${timeoutMs / 1000} s` : reason}); is redis-server running there and reachable from this machine?`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Memory figures of a Redis server (INFO memory). */
export interface RedisMemory {
  usedBytes: number;
  /** The configured limit; 0 means none. */
  maxBytes: number;
  /** What Redis does at the limit; anything but `noeviction` may drop finished results. */
  policy: string;
}

/** The server's memory figures. */
export async function redisMemory(client: Redis): Promise<RedisMemory> {
  const info = await client.info('memory');
  const field = (name: string) =>
    /^(\S+)$/m.exec(
      info
        .split(/\r?\n/)
        .find((l) => l.startsWith(`${name}:`))
        ?.slice(name.length + 1) ?? '',
    )?.[1] ?? '';
  return {
    usedBytes: Number(field('used_memory')) || 0,
    maxBytes: Number(field('maxmemory')) || 0,
    policy: field('maxmemory_policy') || 'noeviction',
  };
}

/** Refuses a Redis that may evict keys: any policy but `noeviction` could drop finished results. */
export function requireNoEviction(memory: RedisMemory, target: RedisTarget): void {
  if (memory.policy !== 'noeviction') {
    throw new RedisMemoryError(
      `maxmemory-policy of Redis at ${target.display}`,
      memory.policy,
      '"noeviction" (any other policy may drop finished results; set maxmemory-policy noeviction)',
    );
  }
}
