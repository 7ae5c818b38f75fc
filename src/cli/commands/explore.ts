/**
 * `corridor-sim explore`: serves the scenario explorer (the static files built into dist/explorer) on 127.0.0.1 and
 * prints its URL; runs until interrupted (Ctrl-C).
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED, packageRoot } from '../../package-files.js';
import { parseInteger, parseOptions } from '../args.js';
import { serveStatic } from '../static-server.js';
import type { Command } from './options.js';

/**
 * The built explorer: the package's dist/explorer (found from the package root in the bundle), dist/explorer beside
 * a one-file-per-module build of the CLI, or the repository's dist/explorer from the sources.
 */
export function explorerDir(): string | undefined {
  const candidates = BUNDLED
    ? [new URL('dist/explorer/', packageRoot())]
    : [new URL('../../explorer/', import.meta.url), new URL('../../../dist/explorer/', import.meta.url)];
  return candidates.map((url) => fileURLToPath(url)).find((dir) => existsSync(`${dir}index.html`));
}

/** `corridor-sim explore`. */
export const exploreCommand: Command = {
  help: `corridor-sim explore [--port N] [--dir DIR]

Serves the scenario explorer — the simulation in your browser: move a control, press Run, read the answer with its
interval — on http://127.0.0.1 (this machine only) and prints the URL. Runs until interrupted (Ctrl-C).

Options:
  --port N       port to listen on (default: a free one)
  --dir DIR      serve the explorer built in DIR (\`npm run explorer:build -- DIR\`) instead of the package's
  -h, --help     this help`,
  async run(args, io) {
    const { values } = parseOptions({
      args,
      allowPositionals: false,
      options: { port: { type: 'string' }, dir: { type: 'string' } },
    });
    const port = values.port === undefined ? 0 : parseInteger('port', values.port as string, 0, 0, 65535);
    const dir = (values.dir as string | undefined) ?? explorerDir();
    if (!dir || !existsSync(join(dir, 'index.html'))) {
      throw new Error(`the explorer is not built (${dir ?? 'dist/explorer'} has no index.html): run \`npm run build\``);
    }
    const server = await serveStatic(dir, { port });
    io.out(`corridor-sim explorer: ${server.url}  (Ctrl-C to stop)`);
    await new Promise<void>((stop) => {
      const close = () => {
        process.off('SIGINT', close);
        process.off('SIGTERM', close);
        void server.close().then(stop);
      };
      process.on('SIGINT', close);
      process.on('SIGTERM', close);
    });
  },
};
