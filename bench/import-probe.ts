/**
 * Child process of the import benchmark: `node import-probe.js modules <file> [simulate]` registers
 * import-hooks.js, imports `<file>` (and with `simulate`, runs a tiny simulation through it) and prints the modules
 * loaded as JSON: ES modules seen by the loader plus CommonJS modules required from them (`require.cache`).
 */
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const [, , mode, file, then] = process.argv;
if (mode !== 'modules' || !file) throw new Error('usage: import-probe.js modules <file> [simulate]');
const { port1, port2 } = new MessageChannel();
const urls = new Set<string>();
port1.on('message', (url: string) => urls.add(url));
register('./import-hooks.js', import.meta.url, { data: { port: port2 }, transferList: [port2] });
const library = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
if (then === 'simulate') {
  const scenario = (library.chongqingScenario as () => unknown)();
  const simulate = library.simulate as (s: unknown, o: unknown) => { events: number };
  simulate(scenario, { seed: 1, startDate: '2025-01-01', years: 0.02, warmupDays: 0 });
}
// The hooks run on their own thread: give the last messages time to arrive.
await new Promise((done) => setTimeout(done, 200));
port1.close();
for (const path of Object.keys(createRequire(import.meta.url).cache)) urls.add(pathToFileURL(path).href);
process.stdout.write(JSON.stringify([...urls].sort()));
