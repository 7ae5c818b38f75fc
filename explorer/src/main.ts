/**
 * The scenario explorer's page: controls → state (kept in the URL) → scenario → projection on Web Workers → the
 * headline answer, a paired comparison with the baseline, and the report's charts and map. Plain DOM, native controls
 * (keyboard accessible), every number written out (nothing needs hovering).
 *
 * @module
 */
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import {
  buildNetwork,
  chongqingScenario,
  type Projection,
  parseScenario,
  projectionMarkets,
  ReplicationWorkerPool,
  RunCancelledError,
  type ScenarioSpec,
  scenarioFileText,
  type WorkerLike,
} from '../../src/core.js';
import { fanChartData, fanChartSvg } from '../../src/report/charts/fan-chart.js';
import { monthlyChartData, monthlyChartSvg } from '../../src/report/charts/monthly-chart.js';
import { transitChartData, transitChartSvg } from '../../src/report/charts/transit-chart.js';
import { corridorMapSvg, type MapAtlas, mapVolumesFromSummary, useMapAtlas } from '../../src/report/map.js';
import { formatNumber } from '../../src/report/scale.js';
import { BASELINE_FILE, matchingBaseline } from './baseline.js';
import { MapZoom } from './map-zoom.js';
import { type ComparedKpi, comparedKpiNames, compareRuns, type ExplorerRun, runExplorer } from './run.js';
import { defaultState, type ExplorerState, isBaseline, scenarioOf, stateFromQuery, stateToQuery } from './state.js';

useMapAtlas(countries110m as unknown as MapAtlas);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pool = new ReplicationWorkerPool(
  () => new Worker('./worker.js', { type: 'module' }) as unknown as WorkerLike,
  Math.max(1, navigator.hardwareConcurrency || 2),
);

let base: ScenarioSpec = chongqingScenario();
let baseLabel = 'the bundled Chongqing scenario';
let fromFile = false;
let markets: Record<string, string[]> = {};
let defaults: ExplorerState = defaultState(base);
let state: ExplorerState = stateFromQuery(location.search, defaults);
/** The baseline run of the current years/futures/seed; `precomputed` when it is the cached one (see baseline.ts). */
let baseline: { key: string; run: ExplorerRun; precomputed?: boolean } | undefined;
let controller: AbortController | undefined;
let lastRun: ExplorerRun | undefined;

declare global {
  interface Window {
    /** For tests and the curious: the last run shown and the pool (read-only use). */
    corridorSimExplorer?: { lastRun(): ExplorerRun | undefined; workersStarted(): number };
  }
}
window.corridorSimExplorer = { lastRun: () => lastRun, workersStarted: () => pool.workersStarted };
const mapZoom = new MapZoom($('map'), { zoomIn: $('zoom-in'), zoomOut: $('zoom-out'), reset: $('zoom-reset') });

const pct = (x: number, digits = 0) => `${formatNumber(x * 100, digits)}%`;

function computeMarkets(): void {
  markets = Object.fromEntries(projectionMarkets(base).map((m) => [m.corridor, m.flows]));
}

// ---------------------------------------------------------------------------------------------------------------
// Controls.

function renderControls(): void {
  const m = projectionMarkets(base);
  $('markets').innerHTML = m
    .map((market) => {
      const id = `growth-${market.corridor}`;
      const value = state.growth[market.corridor];
      return `<div class="row"><label for="${id}">${market.corridor} market growth, % a year (scenario: ${formatNumber(
        market.trendGrowthPerYear * 100,
        1,
      )}%)</label><input type="number" step="0.5" id="${id}" data-market="${market.corridor}" value="${
        value === undefined ? '' : formatNumber(value * 100, 2).replace(/,/g, '')
      }" placeholder="${formatNumber(market.trendGrowthPerYear * 100, 1)}"></div>`;
    })
    .join('');
  $('services').innerHTML = `<table><caption>Services (uncheck to remove)</caption><thead><tr><th scope="col">runs</th>
<th scope="col">service</th><th scope="col">second service</th><th scope="col">frequency ×</th><th scope="col">TEU per departure</th></tr></thead><tbody>${base.services
    .map(
      (
        s,
      ) => `<tr><td><input type="checkbox" id="run-${s.id}" data-run="${s.id}" ${state.removed.includes(s.id) ? '' : 'checked'} aria-label="${s.id} runs"></td>
<th scope="row">${s.id}<br><small>${s.corridor}${s.corridorMode ? ` / ${s.corridorMode}` : ''}</small></th>
<td><input type="checkbox" data-double="${s.id}" ${state.doubled.includes(s.id) ? 'checked' : ''} aria-label="add a second ${s.id}"></td>
<td><input type="number" step="0.25" min="0.25" max="8" data-frequency="${s.id}" value="${state.frequency[s.id] ?? 1}" aria-label="${s.id} frequency multiplier"></td>
<td><input type="number" step="1" min="1" data-capacity="${s.id}" value="${state.capacity[s.id] ?? s.capacityTeu}" aria-label="${s.id} TEU per departure"></td></tr>`,
    )
    .join('')}</tbody></table>`;
  const ids = (kind: string) =>
    kind === 'hub'
      ? base.hubs.map((h) => h.id)
      : kind === 'link'
        ? base.links.map((l) => l.id)
        : base.services.map((s) => s.id);
  const fillIds = () => {
    const kind = ($('event-kind') as HTMLSelectElement).value;
    $('event-id').innerHTML = ids(kind)
      .map((id) => `<option>${id}</option>`)
      .join('');
  };
  ($('event-kind') as HTMLSelectElement).onchange = fillIds;
  fillIds();
  $('events').innerHTML = state.events
    .map(
      (e, i) =>
        `<li>${e.effect === 'close' ? 'close' : `slow ×${e.factor}`} ${e.element.kind} ${e.element.id}, ${e.start} to ${e.end} <button type="button" data-drop-event="${i}">remove</button></li>`,
    )
    .join('');
  ($('from-year') as HTMLInputElement).value = String(state.fromYear);
  ($('to-year') as HTMLInputElement).value = String(state.toYear);
  ($('replications') as HTMLInputElement).value = String(state.replications);
  ($('seed') as HTMLInputElement).value = String(state.seed);
  ($('cost-cut') as HTMLInputElement).value = String(Math.round(state.costCut * 100));
  $('cost-cut-value').textContent = `${Math.round(state.costCut * 100)}%`;
  $('base-label').textContent = baseLabel;
}

/** Reads the controls into the state. */
function readControls(): ExplorerState {
  const next: ExplorerState = { ...defaults, events: state.events };
  const int = (id: string) => Number(($(id) as HTMLInputElement).value);
  next.fromYear = int('from-year');
  next.toYear = int('to-year');
  next.replications = int('replications');
  next.seed = int('seed');
  next.costCut = int('cost-cut') / 100;
  next.growth = {};
  for (const input of document.querySelectorAll<HTMLInputElement>('[data-market]')) {
    if (input.value.trim() !== '') next.growth[input.dataset.market as string] = Number(input.value) / 100;
  }
  next.removed = [...document.querySelectorAll<HTMLInputElement>('[data-run]')]
    .filter((i) => !i.checked)
    .map((i) => i.dataset.run as string);
  next.doubled = [...document.querySelectorAll<HTMLInputElement>('[data-double]')]
    .filter((i) => i.checked)
    .map((i) => i.dataset.double as string);
  next.frequency = {};
  for (const i of document.querySelectorAll<HTMLInputElement>('[data-frequency]')) {
    if (Number(i.value) !== 1) next.frequency[i.dataset.frequency as string] = Number(i.value);
  }
  next.capacity = {};
  for (const i of document.querySelectorAll<HTMLInputElement>('[data-capacity]')) {
    const spec = base.services.find((s) => s.id === i.dataset.capacity);
    if (spec && Number(i.value) !== spec.capacityTeu) next.capacity[spec.id] = Number(i.value);
  }
  return next;
}

function syncUrl(): void {
  const query = fromFile ? '' : stateToQuery(state, defaults);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  ($('share') as HTMLInputElement).value = fromFile ? '(a loaded file is not in the link)' : location.href;
}

// ---------------------------------------------------------------------------------------------------------------
// Results.

function headline(projection: Projection, label: string): string {
  const lines = projection.years.flatMap((y) => y.targets);
  if (lines.length === 0) {
    const last = projection.years.at(-1);
    const ilstc = last?.volumes.ILSTC;
    return ilstc
      ? `${label}: ILSTC ${formatNumber(ilstc.mean)} TEU in ${last?.year} (80% interval ${formatNumber(ilstc.interval80[0])}–${formatNumber(ilstc.interval80[1])}); no target in these years.`
      : `${label}: no target in these years.`;
  }
  return lines
    .map(
      (t) =>
        `${label}: will ${t.corridor} reach ${formatNumber(t.targetTeu)} TEU in ${t.year}? Probability ${pct(t.probability)} ± ${pct(
          t.mcError.probabilitySe,
        )} (95% CI ${pct(t.probabilityCi95[0])}–${pct(t.probabilityCi95[1])}) over ${projection.replications} simulated futures; mean ${formatNumber(
          t.meanTeu,
        )} TEU, 80% interval ${formatNumber(t.interval80[0])}–${formatNumber(t.interval80[1])}.`,
    )
    .join(' ');
}

function comparisonTable(rows: ComparedKpi[], year: number): string {
  if (rows.length === 0) return '';
  const fmt = (kpi: string, x: number) =>
    kpi.endsWith('/met') ? pct(x) : formatNumber(x, kpi.startsWith('days/') ? 1 : 0);
  return `<table id="comparison"><caption>Edited − baseline in ${year}, paired over the same ${(
    baseline?.run.projection.replications ?? 0
  ).toString()} futures (common random numbers): mean difference and its 95% interval</caption>
<thead><tr><th scope="col">measure</th><th scope="col">baseline</th><th scope="col">edited</th><th scope="col">difference (95% CI)</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><th scope="row">${r.kpi}</th><td>${fmt(r.kpi, r.base)}</td><td>${fmt(r.kpi, r.variant)}</td><td>${fmt(r.kpi, r.difference.mean)} (${fmt(
          r.kpi,
          r.difference.ci95[0],
        )} to ${fmt(r.kpi, r.difference.ci95[1])})${r.difference.significant ? '' : ', not significant'}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/** Shows a run; `precomputed` names how a cached baseline was computed (see baseline.ts). */
function render(run: ExplorerRun, scenario: ScenarioSpec, compared: ComparedKpi[], precomputed?: string): void {
  const { projection } = run;
  lastRun = run;
  const edited = !isBaseline(state) || fromFile;
  $('headline').textContent = headline(projection, edited ? 'Edited scenario' : 'Baseline');
  const replications = projection.replications * projection.years.length;
  $('timing').textContent =
    precomputed === undefined
      ? `${replications} replications in ${formatNumber(run.elapsedMs / 1000, 1)} s on ${pool.size} Web Workers.`
      : `Precomputed when this explorer was built (${replications} replications, ${precomputed}) by the same code and seeds as a run here; press Run to recompute it in this browser.`;
  document.body.dataset.source = precomputed === undefined ? 'browser' : 'precomputed';
  const focus = projection.years.find((y) => y.targets.length > 0) ?? projection.years[0];
  $('comparison-box').innerHTML = edited && focus ? comparisonTable(compared, focus.year) : '';
  $('fan').innerHTML = fanChartSvg(fanChartData(projection, scenario));
  if (focus) {
    $('monthly').innerHTML = monthlyChartSvg(monthlyChartData(focus.summary));
    $('transit').innerHTML = transitChartSvg(transitChartData(focus.summary));
    $('map').innerHTML = corridorMapSvg(
      buildNetwork(scenario),
      mapVolumesFromSummary(focus.summary, `${focus.year}, mean of ${projection.replications} futures`),
    );
    mapZoom.redrawn();
  }
  document.body.dataset.state = 'done';
}

function comparedKpis(run: ExplorerRun, year: number): ComparedKpi[] {
  if (!baseline) return [];
  return compareRuns(baseline.run, run, year, comparedKpiNames(run.projection, year));
}

// ---------------------------------------------------------------------------------------------------------------
// Running.

const runKey = (s: ExplorerState) => `${s.fromYear}-${s.toYear}/${s.replications}/${s.seed}`;

async function run(): Promise<void> {
  controller?.abort();
  const next = readControls();
  let scenario: ScenarioSpec;
  try {
    scenario = scenarioOf(next, base, markets);
  } catch (error) {
    $('run-error').textContent = `${(error as Error).name}: ${(error as Error).message}`;
    $('run-error').scrollIntoView({ block: 'center' });
    return;
  }
  $('run-error').textContent = '';
  state = next;
  syncUrl();
  controller = new AbortController();
  const signal = controller.signal;
  const progress = $('progress') as HTMLProgressElement;
  ($('cancel') as HTMLButtonElement).disabled = false;
  document.body.dataset.state = 'running';
  const onProgress = (done: number, total: number) => {
    progress.max = total;
    progress.value = done;
    $('progress-text').textContent = `${done} of ${total} replications`;
  };
  try {
    const key = runKey(state);
    const needsBaseline = (!isBaseline(state) || fromFile) && baseline?.key !== key && !fromFile;
    // Run at the baseline state recomputes a precomputed baseline here (the same numbers, computed in this browser);
    // an edited state is compared with whichever baseline is at hand for its key.
    const recompute = isBaseline(state) && !fromFile && baseline?.precomputed === true;
    if (needsBaseline || (isBaseline(state) && !fromFile)) {
      $('progress-text').textContent = 'baseline…';
      const baseRun =
        baseline?.key === key && !recompute
          ? baseline.run
          : await runExplorer(base, state, pool, { onProgress, signal });
      if (baseRun !== baseline?.run) baseline = { key, run: baseRun };
    }
    const result =
      isBaseline(state) && !fromFile && baseline
        ? baseline.run
        : await runExplorer(scenario, state, pool, { onProgress, signal });
    const focus = result.projection.years.find((y) => y.targets.length > 0) ?? result.projection.years[0];
    render(result, scenario, focus ? comparedKpis(result, focus.year) : []);
  } catch (error) {
    if (error instanceof RunCancelledError) {
      $('progress-text').textContent = `cancelled (${error.message})`;
      document.body.dataset.state = 'cancelled';
    } else {
      $('run-error').textContent = `${(error as Error).name}: ${(error as Error).message}`;
      document.body.dataset.state = 'error';
    }
  } finally {
    ($('cancel') as HTMLButtonElement).disabled = true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario files.

async function loadFile(file: File): Promise<void> {
  const text = await file.text();
  try {
    base = parseScenario(text, file.name);
  } catch (error) {
    $('file-error').textContent = `${(error as Error).name}: ${(error as Error).message}`;
    $('file-error').scrollIntoView({ block: 'center' });
    return;
  }
  $('file-error').textContent = '';
  fromFile = true;
  baseLabel = `${file.name} (${base.name})`;
  baseline = undefined;
  defaults = defaultState(base);
  state = defaultState(base);
  computeMarkets();
  renderControls();
  await run();
}

function download(): void {
  let scenario: ScenarioSpec;
  try {
    scenario = scenarioOf(readControls(), base, markets);
  } catch (error) {
    $('run-error').textContent = `${(error as Error).name}: ${(error as Error).message}`;
    return;
  }
  const blob = new Blob([scenarioFileText(scenario)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'scenario.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring.

function wire(): void {
  $('run').onclick = () => void run();
  $('cancel').onclick = () => controller?.abort();
  $('download').onclick = download;
  ($('cost-cut') as HTMLInputElement).oninput = (e) => {
    $('cost-cut-value').textContent = `${(e.target as HTMLInputElement).value}%`;
  };
  $('add-event').onclick = () => {
    const effect = ($('event-effect') as HTMLSelectElement).value as 'close' | 'slow';
    const kind = ($('event-kind') as HTMLSelectElement).value as 'hub' | 'link' | 'service';
    const id = ($('event-id') as HTMLSelectElement).value;
    const start = ($('event-start') as HTMLInputElement).value;
    const end = ($('event-end') as HTMLInputElement).value;
    if (!start || !end || end <= start) {
      $('run-error').textContent = 'disruption: the end date must be after the start date';
      return;
    }
    state.events = [
      ...state.events,
      {
        effect,
        element: { kind, id },
        start,
        end,
        ...(effect === 'slow' ? { factor: Number(($('event-factor') as HTMLInputElement).value) } : {}),
      },
    ];
    renderControls();
  };
  $('events').onclick = (e) => {
    const i = (e.target as HTMLElement).dataset.dropEvent;
    if (i !== undefined) {
      state.events = state.events.filter((_, k) => k !== Number(i));
      renderControls();
    }
  };
  $('reset').onclick = () => {
    base = chongqingScenario();
    fromFile = false;
    baseLabel = 'the bundled Chongqing scenario';
    defaults = defaultState(base);
    state = defaultState(base);
    computeMarkets();
    renderControls();
    void run();
  };
  const input = $('file') as HTMLInputElement;
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) void loadFile(file);
  };
  const drop = $('drop');
  drop.ondragover = (e) => {
    e.preventDefault();
    drop.classList.add('over');
  };
  drop.ondragleave = () => drop.classList.remove('over');
  drop.ondrop = (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) void loadFile(file);
  };
}

/**
 * The first answer: the cached baseline when the page opens on exactly the state and scenario it was computed for
 * (see baseline.ts), otherwise a run.
 */
async function start(): Promise<void> {
  if (!fromFile && isBaseline(state)) {
    try {
      const response = await fetch(`./${BASELINE_FILE}`);
      const cached = response.ok ? matchingBaseline(await response.json(), base, state) : undefined;
      if (cached) {
        baseline = { key: runKey(state), run: cached.run, precomputed: true };
        render(cached.run, base, [], cached.computedWith);
        return;
      }
    } catch {
      // No usable cached baseline (not built, offline, or another version): compute it.
    }
  }
  await run();
}

computeMarkets();
renderControls();
wire();
void start();
