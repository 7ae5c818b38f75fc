/**
 * Where the CLI writes: stdout and stderr, injectable for tests.
 *
 * @module
 */

/** Where the CLI writes (injectable for tests). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  quietProgress?: boolean;
}
