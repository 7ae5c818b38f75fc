/**
 * The cached baseline: the explorer's opening answer (the bundled scenario at the default state) computed when the
 * explorer is built, by the same code (`runExplorer`, the same seeds), and shipped beside the page as
 * `baseline.json`, so the headline appears as the page opens instead of after a minute of simulation. The page uses it
 * only for the exact scenario and state it was computed for (checked by a key), labels it as precomputed, and "Run"
 * recomputes it in the browser — with the same numbers, since runs are identical in Node and in Web Workers (tested).
 * No DOM, no Node built-in: the build script (Node) and the page (browser) both use it.
 *
 * @module
 */
import type { ScenarioSpec } from '../../src/core.js';
import type { ExplorerRun } from './run.js';
import type { ExplorerState } from './state.js';

/** The file name beside index.html. */
export const BASELINE_FILE = 'baseline.json';

const FORMAT = 'corridor-sim-explorer-baseline';

/** What `baseline.json` holds. */
export interface CachedBaseline {
  format: typeof FORMAT;
  /** Hash of the scenario and the state the run answers: the page uses it only for exactly those. */
  key: string;
  /** How it was computed, for the label (e.g. "Node v20.20.2, 2 worker threads"). */
  computedWith: string;
  run: ExplorerRun;
}

/** FNV-1a (32 bits) of a string, as 8 hex digits: detects a stale or foreign file, not tampering. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The key of a scenario and an explorer state: equal exactly when both are (their JSON is). */
export function baselineKey(scenario: ScenarioSpec, state: ExplorerState): string {
  const scenarioJson = JSON.stringify(scenario);
  const stateJson = JSON.stringify(state);
  return `${fnv1a(scenarioJson)}-${scenarioJson.length}/${fnv1a(stateJson)}-${stateJson.length}`;
}

/** The file's content for a run of `scenario` at `state`, keeping only the KPIs a comparison reads. */
export function cachedBaseline(
  scenario: ScenarioSpec,
  state: ExplorerState,
  run: ExplorerRun,
  computedWith: string,
  keep: (kpi: string) => boolean,
): CachedBaseline {
  const kpis: ExplorerRun['kpis'] = {};
  for (const [year, rows] of Object.entries(run.kpis)) {
    kpis[year] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => keep(k))));
  }
  return { format: FORMAT, key: baselineKey(scenario, state), computedWith, run: { ...run, kpis } };
}

/** The cached run if `value` is a baseline file for exactly this scenario and state, else undefined. */
export function matchingBaseline(
  value: unknown,
  scenario: ScenarioSpec,
  state: ExplorerState,
): CachedBaseline | undefined {
  const b = value as Partial<CachedBaseline> | null;
  if (typeof b !== 'object' || b === null || b.format !== FORMAT) return undefined;
  if (b.key !== baselineKey(scenario, state) || typeof b.run !== 'object' || b.run === null) return undefined;
  return b as CachedBaseline;
}
