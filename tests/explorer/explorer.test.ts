/// <reference lib="dom" />
/**
 * The scenario explorer as a planner uses it, in headless Chromium: built with esbuild, served from 127.0.0.1, opened
 * on the bundled scenario with 2 futures (the smallest projection, to keep the test quick; the build caches the
 * baseline of that state, as `npm run build` caches the default one). Screenshots of each view are saved for review in
 * $CORRIDOR_SIM_SCREENSHOTS or a temporary folder (printed).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultState } from '../../explorer/src/state.js';
import { buildExplorer } from '../../scripts/build-explorer.js';
import { type StaticServer, serveStatic } from '../../src/cli/static-server.js';
import { chongqingScenario } from '../../src/data/index.js';
import { runProjection } from '../../src/experiment/projection.js';
import { replicate } from '../../src/experiment/replicate.js';
import { parseScenario } from '../../src/experiment/scenario-text.js';
import { chromiumExecutable, launchChromium, noticeMissingBrowser } from './chromium.js';
import { canonicalJson } from './fixtures/canonical.js';

/** The page's test hook (explorer/src/main.ts). */
interface ExplorerWindow {
  corridorSimExplorer?: {
    lastRun(): { projection: { years: { targets: unknown; volumes: unknown }[] }; kpis: unknown } | undefined;
    workersStarted(): number;
  };
}

noticeMissingBrowser('tests/explorer/explorer.test.ts');

describe.skipIf(!chromiumExecutable)('the explorer in headless Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let shots: string;
  const problems: string[] = [];

  const open = async (query: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${server.url}${query}`);
    return page;
  };
  const finished = (page: Page) =>
    page.waitForFunction(() => ['done', 'error', 'cancelled'].includes(document.body.dataset.state ?? ''), undefined, {
      timeout: 600_000,
    });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-explorer-'));
    await buildExplorer(dir, { baseline: { ...defaultState(chongqingScenario()), replications: 2 }, workers: 2 });
    server = await serveStatic(dir);
    shots = process.env.CORRIDOR_SIM_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'corridor-sim-explorer-shots-'));
    mkdirSync(shots, { recursive: true });
    console.log(`explorer screenshots: ${shots}`);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let editedUrl = '';
  let editedHeadline = '';

  it('opens on the cached baseline answer, labelled, with no console error; Run recomputes it: the same as Node', async () => {
    const page = await open('?n=2');
    await finished(page);
    expect(await page.evaluate(() => document.body.dataset.source)).toBe('precomputed');
    expect(await page.textContent('#timing')).toMatch(
      /^Precomputed when this explorer was built \(2 replications, Node v/,
    );
    const headline = (await page.textContent('#headline')) ?? '';
    expect(headline).toMatch(/^Baseline: will ILSTC reach 270,000 TEU in 2025\? Probability \d+% ± \d+% \(95% CI/);
    const figures = await page.evaluate(() =>
      ['fan', 'monthly', 'transit', 'map'].map((id) => document.querySelectorAll(`#${id} svg *`).length),
    );
    for (const count of figures) expect(count).toBeGreaterThan(20);
    const shown = () =>
      page.evaluate(() => {
        const run = (window as unknown as ExplorerWindow).corridorSimExplorer?.lastRun();
        const year = run?.projection.years[0];
        return JSON.stringify({ targets: year?.targets, volumes: year?.volumes });
      });
    const cached = JSON.parse(await shown()) as { targets: unknown; volumes: unknown };
    await page.screenshot({ path: join(shots, '1-baseline.png'), fullPage: true });
    // Run at the baseline state computes it in this browser's Web Workers.
    await page.click('#run');
    await page.waitForFunction(() => document.body.dataset.state === 'running');
    await finished(page);
    expect(await page.evaluate(() => document.body.dataset.source)).toBe('browser');
    expect(await page.textContent('#headline')).toBe(headline);
    // The same numbers as corridor-sim's projection in Node, and as the cached baseline.
    const inNode = await runProjection(
      chongqingScenario(),
      { fromYear: 2025, toYear: 2025, replications: 2, seed: 1 },
      (scenario, plan) => replicate(scenario, { ...plan, workers: 0 }),
    );
    const node = inNode.years[0];
    const inBrowser = JSON.parse(await shown()) as { targets: unknown; volumes: unknown };
    expect(canonicalJson(inBrowser.targets)).toBe(canonicalJson(node?.targets));
    expect(canonicalJson(inBrowser.volumes)).toBe(canonicalJson(node?.volumes));
    expect(canonicalJson(cached)).toBe(canonicalJson(inBrowser));
    expect(problems).toEqual([]);
    await page.close();
  }, 900_000);

  it('a control moved by keyboard and Run change the answer and the charts, with a paired comparison', async () => {
    const page = await open('?n=2');
    await finished(page);
    const before = await page.innerHTML('#fan');
    // The ILSTC domestic cost cut to 50%, by keyboard.
    await page.focus('#cost-cut');
    await page.keyboard.press('End');
    await page.focus('#run');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.state === 'running');
    await finished(page);
    expect(await page.textContent('#headline')).toMatch(/^Edited scenario: will ILSTC reach/);
    expect(await page.innerHTML('#fan')).not.toBe(before);
    const rows = await page.$$eval('#comparison tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => r.startsWith('target/ilstc-2025/teu'))).toBe(true);
    editedUrl = page.url();
    expect(editedUrl).toContain('costCut=0.5');
    editedHeadline = (await page.textContent('#headline')) ?? '';
    await page.screenshot({ path: join(shots, '2-cost-cut.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 900_000);

  it('a shared link restores the state and reproduces the run', async () => {
    expect(editedUrl).not.toBe('');
    const page = await open(editedUrl.slice(server.url.length));
    expect(await page.inputValue('#cost-cut')).toBe('50');
    await finished(page);
    // An edited state has no cached answer: it is computed here.
    expect(await page.evaluate(() => document.body.dataset.source)).toBe('browser');
    expect(await page.textContent('#headline')).toBe(editedHeadline);
    await page.close();
  }, 900_000);

  it('the map zooms and pans from buttons, keys, the wheel and dragging, within the map', async () => {
    const page = await open('?n=2');
    await finished(page);
    const view = () =>
      page.evaluate(() => {
        const svg = document.querySelector('#map svg');
        const [x, y, width, height] = (svg?.getAttribute('viewBox') ?? '').split(' ').map(Number);
        return { x: x as number, y: y as number, width: width as number, height: height as number };
      });
    const whole = await view();
    expect(whole.width).toBeGreaterThan(500);
    await page.click('#zoom-in');
    const zoomed = await view();
    expect(zoomed.width).toBeCloseTo(whole.width / 1.5, 6);
    // Zoomed about the centre: the centre stays.
    expect(zoomed.x + zoomed.width / 2).toBeCloseTo(whole.x + whole.width / 2, 6);
    await page.focus('#map');
    await page.keyboard.press('+');
    expect((await view()).width).toBeCloseTo(whole.width / 2.25, 6);
    const before = await view();
    await page.keyboard.press('ArrowRight');
    const right = await view();
    expect(right.x).toBeGreaterThan(before.x);
    expect(right.width).toBe(before.width);
    // Dragging to the right shows more of the west.
    const box = await page.locator('#map svg').boundingBox();
    if (!box) throw new Error('the map has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    expect((await view()).x).toBeLessThan(right.x);
    await page.screenshot({ path: join(shots, '5-map-zoomed.png'), fullPage: true });
    // The wheel zooms out around the pointer; 0 shows the whole map again, and the view never leaves the map.
    await page.mouse.wheel(0, 200);
    expect((await view()).width).toBeGreaterThan(right.width);
    await page.keyboard.press('0');
    expect(await view()).toEqual(whole);
    for (let i = 0; i < 12; i++) await page.click('#zoom-in');
    const deepest = await view();
    expect(deepest.width).toBeCloseTo(whole.width / 8, 6);
    await page.focus('#map');
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
    expect((await view()).x).toBe(whole.x);
    await page.click('#zoom-reset');
    expect(await view()).toEqual(whole);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('a bad scenario file shows the error naming its path', async () => {
    const page = await open('?n=2');
    await finished(page);
    const text = '{"extends": "chongqing", "changes": [{"kind": "removeService", "service": "nope"}]}';
    let expected = '';
    try {
      parseScenario(text, 'bad.json');
    } catch (error) {
      expected = `${(error as Error).name}: ${(error as Error).message}`;
    }
    expect(expected).toMatch(/^ScenarioError: changes\[0\]\.service: "nope"/);
    await page.setInputFiles('#file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => (document.getElementById('file-error')?.textContent ?? '') !== '');
    expect(await page.textContent('#file-error')).toBe(expected);
    await page.screenshot({ path: join(shots, '3-bad-file.png') });
    await page.close();
  }, 900_000);

  it('cancel stops the run and its workers', async () => {
    const page = await open('?n=2');
    await finished(page);
    await page.fill('#replications', '40');
    await page.click('#run');
    await page.waitForFunction(() => document.body.dataset.state === 'running');
    await page.click('#cancel');
    await finished(page);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('cancelled');
    const started = await page.evaluate(
      () => (window as unknown as ExplorerWindow).corridorSimExplorer?.workersStarted() ?? 0,
    );
    expect(started).toBeGreaterThan(0);
    expect(await page.textContent('#progress-text')).toMatch(/^cancelled \(the run was cancelled after \d+ of 40\)/);
    // Its workers were terminated: the next run (3 futures, not the cached baseline of 2) starts new ones.
    await page.fill('#replications', '3');
    await page.click('#run');
    await finished(page);
    expect(
      await page.evaluate(() => (window as unknown as ExplorerWindow).corridorSimExplorer?.workersStarted() ?? 0),
    ).toBeGreaterThan(started);
    await page.screenshot({ path: join(shots, '4-after-cancel.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 900_000);
});
