/**
 * Module hooks for the import benchmark (registered with `module.register`): every module the loader loads is posted
 * to the port given at registration.
 */
import type { MessagePort } from 'node:worker_threads';

let port: MessagePort | undefined;

export function initialize(data: { port: MessagePort }): void {
  port = data.port;
}

type Next = (url: string, context: unknown) => Promise<unknown>;

export async function load(url: string, context: unknown, next: Next): Promise<unknown> {
  port?.postMessage(url);
  return next(url, context);
}
