/**
 * Redis URLs (`redis://[user:password@]host[:port][/db]`, `rediss://` for TLS): parsed and checked before anything
 * connects, and shown only with their password replaced by `***`.
 *
 * @module
 */
import { CorridorSimError, ValidationError } from '../../errors.js';

/**
 * A Redis URL that cannot be used; the URL in the message has its password hidden.
 *
 * @example
 * ```ts
 * import { RedisUrlError, redisExecutor } from 'corridor-sim';
 *
 * try {
 *   redisExecutor('redis:///0'); // no host
 * } catch (error) {
 *   if (error instanceof RedisUrlError) console.error(error.message); // redis: "redis:///0" is not a URL with a host...
 * }
 * ```
 */
export class RedisUrlError extends ValidationError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'RedisUrlError';
}

/**
 * Redis cannot be reached (refused, timed out, wrong password...): a failure at run time, not bad input.
 *
 * @example
 * ```ts
 * import { RedisUnavailableError, startRedisWorker } from 'corridor-sim';
 *
 * try {
 *   await startRedisWorker('redis://:secret@10.0.0.5:6379');
 * } catch (error) {
 *   if (error instanceof RedisUnavailableError) console.error(error.message); // ...redis://:***@10.0.0.5:6379...
 * }
 * ```
 */
export class RedisUnavailableError extends CorridorSimError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'RedisUnavailableError';
}

/** Where to connect, from a checked Redis URL. */
export interface RedisTarget {
  host: string;
  port: number;
  /** Database number (the URL's path, default 0). */
  db: number;
  username?: string;
  password?: string;
  /** `rediss://`: connect over TLS. */
  tls: boolean;
  /** The URL with its password replaced by `***` (what messages show). */
  display: string;
}

/** `url` with its password, if any, replaced by `***`; a text that is not a URL is shown as `(not a URL)`. */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Do not echo text that may hold a password in a form URL cannot parse.
    return /@/.test(url) ? '(not a URL)' : url;
  }
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}

/**
 * Parses and checks a Redis URL.
 *
 * @throws RedisUrlError (field `field`) naming the URL (password hidden) and what is wrong: not a URL, a scheme other
 * than redis: or rediss:, no host, a port outside 1..65535, a path that is not a database number, a query or fragment.
 */
export function parseRedisUrl(url: string, field = 'redis'): RedisTarget {
  const shown = redactRedisUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(field, shown, 'a Redis URL such as redis://host:6379 or redis://:password@host:6379/0');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RedisUrlError(field, shown, `a redis:// or rediss:// URL (the scheme is ${parsed.protocol})`);
  }
  // new URL('redis:///0') keeps an empty host; 'redis:host' has no authority at all.
  if (parsed.hostname === '' || !/^rediss?:\/\//.test(url)) {
    throw new RedisUrlError(field, shown, 'a URL with a host, e.g. redis://10.0.0.5:6379');
  }
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RedisUrlError(field, shown, 'a URL with a port from 1 to 65535');
  }
  const path = parsed.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,5}$/.test(path)) {
    throw new RedisUrlError(field, shown, 'a URL whose path is a database number, e.g. redis://host:6379/2');
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new RedisUrlError(field, shown, 'a URL without ?query or #fragment');
  }
  const target: RedisTarget = {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    db: path === '' ? 0 : Number(path),
    tls: parsed.protocol === 'rediss:',
    display: shown,
  };
  if (parsed.username !== '') target.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') target.password = decodeURIComponent(parsed.password);
  return target;
}
