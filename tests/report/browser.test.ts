/// <reference lib="dom" />
/**
 * The report as people see it: index.html and every SVG opened in headless Chromium (Debian's `chromium`, which
 * `.ci/run` installs where it is missing). Checks that the page loads without errors, that every chart and the map
 * are laid out with a size, that the map's land, services and hubs are drawn, and that the map rasterises to a
 * picture with many colours (not a blank box). Skipped, with a notice, on a machine without Chromium; set
 * `CORRIDOR_SIM_REQUIRE_BROWSER=1` to make a missing browser a failure instead.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { bundledProjection, scenario } from './fixtures.js';

const executable = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].find((p): p is string => p !== undefined && p !== '' && existsSync(p));

if (!executable) {
  if (process.env.CORRIDOR_SIM_REQUIRE_BROWSER === '1') {
    throw new Error('CORRIDOR_SIM_REQUIRE_BROWSER=1 but no Chromium was found (set CHROMIUM_PATH)');
  }
  console.warn('tests/report/browser.test.ts: no Chromium found; the browser rendering test is skipped');
}

describe.skipIf(!executable)('report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'corridor-sim-browser-')), 'report');
    writeReport(dir, { kind: 'projection', scenario, projection: await bundledProjection(), settings: { seed: 1 } });
    browser = await chromium.launch({
      executablePath: executable as string,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads index.html without errors and lays out every chart and the map', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll('figure > svg')].map((svg) => {
        const box = svg.getBoundingClientRect();
        return { id: svg.id, width: box.width, height: box.height, children: svg.querySelectorAll('*').length };
      }),
    );
    expect(figures.map((f) => f.id)).toEqual([
      'fan-chart',
      'monthly-teu',
      'transit-times',
      'emissions',
      'corridor-map',
      'utilisation',
    ]);
    for (const f of figures) {
      expect(f.width, f.id).toBeGreaterThan(300);
      expect(f.height, f.id).toBeGreaterThan(150);
      expect(f.children, f.id).toBeGreaterThan(20);
    }
    const drawn = await page.evaluate(() => {
      const bbox = (selector: string) => {
        const el = document.querySelector(selector) as SVGGraphicsElement | null;
        const b = el?.getBBox();
        return b ? { width: b.width, height: b.height } : { width: 0, height: 0 };
      };
      const services = [...document.querySelectorAll('#corridor-map path.service')] as SVGPathElement[];
      return {
        land: bbox('#corridor-map path.land'),
        services: services.length,
        drawnServices: services.filter((p) => p.getTotalLength() > 1).length,
        hubs: document.querySelectorAll('#corridor-map circle.hub').length,
        band80: bbox('#fan-chart .band80'),
        target: bbox('#fan-chart .target-line'),
        boxes: document.querySelectorAll('#transit-times g.box').length,
        headline: document.querySelector('p.headlines')?.textContent ?? '',
      };
    });
    expect(drawn.land.width * drawn.land.height).toBeGreaterThan(100_000);
    expect(drawn.services).toBeGreaterThanOrEqual(scenario.services.length);
    expect(drawn.drawnServices).toBe(drawn.services);
    expect(drawn.hubs).toBeGreaterThanOrEqual(scenario.hubs.length);
    expect(drawn.band80.width * drawn.band80.height).toBeGreaterThan(0);
    // The target line spans its year only: about one year's width, not the plot's.
    expect(drawn.target.width).toBeGreaterThan(10);
    expect(drawn.target.width).toBeLessThan(drawn.band80.width * 2);
    expect(drawn.boxes).toBeGreaterThan(3);
    expect(drawn.headline).toMatch(/^Will ILSTC reach 270,000 TEU in 2025\? Probability \d+%/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('labels every bottleneck hub on the map, no label over another label or over a hub marker', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'corridor-map.svg')).href);
    const panels = await page.evaluate(() =>
      [...document.querySelectorAll('g.map-panel')].map((panel) => ({
        id: panel.id,
        labels: [...panel.querySelectorAll('text.hub-label')].map((t) => {
          const b = (t as SVGGraphicsElement).getBBox();
          return {
            hubs: t.getAttribute('data-hubs') ?? '',
            text: t.textContent ?? '',
            x0: b.x,
            y0: b.y,
            x1: b.x + b.width,
            y1: b.y + b.height,
          };
        }),
        leaders: [...panel.querySelectorAll('line.hub-leader')].map((l) => ({
          hubs: l.getAttribute('data-hubs') ?? '',
          x1: Number(l.getAttribute('x1')),
          y1: Number(l.getAttribute('y1')),
          x2: Number(l.getAttribute('x2')),
          y2: Number(l.getAttribute('y2')),
        })),
        markers: [...panel.querySelectorAll('circle.hub')].map((c) => ({
          hub: c.getAttribute('data-hub') ?? '',
          x: Number(c.getAttribute('cx')),
          y: Number(c.getAttribute('cy')),
          r: Number(c.getAttribute('r')),
        })),
      })),
    );
    expect(panels.map((p) => p.id)).toEqual(['map-overview', 'map-detail-ilstc']);
    const labelled = new Set(panels.flatMap((p) => p.labels.flatMap((l) => l.hubs.split(' '))));
    for (const hub of ['malaszewicze', 'three-gorges-locks', 'haiphong', 'yangshan', 'pingxiang', 'mohan']) {
      expect(labelled, hub).toContain(hub);
    }
    for (const panel of panels) {
      expect(panel.labels.length, panel.id).toBeGreaterThan(5);
      for (const [i, a] of panel.labels.entries()) {
        for (const b of panel.labels.slice(i + 1)) {
          const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          expect(overlap, `${panel.id}: "${a.text}" and "${b.text}"`).toBe(false);
        }
        for (const m of panel.markers) {
          const nx = Math.max(a.x0, Math.min(m.x, a.x1));
          const ny = Math.max(a.y0, Math.min(m.y, a.y1));
          expect(Math.hypot(m.x - nx, m.y - ny), `${panel.id}: "${a.text}" over ${m.hub}`).toBeGreaterThanOrEqual(m.r);
        }
        // Near its own markers: the text within 18 px of the nearest circle it names, or joined to one by a leader
        // line that starts at the text and ends at the circle.
        const own = panel.markers.filter((m) => a.hubs.split(' ').includes(m.hub));
        const gap = Math.min(
          ...own.map(
            (m) =>
              Math.hypot(m.x - Math.max(a.x0, Math.min(m.x, a.x1)), m.y - Math.max(a.y0, Math.min(m.y, a.y1))) - m.r,
          ),
        );
        const leader = panel.leaders.find((l) => l.hubs === a.hubs);
        if (leader) {
          const fromText = Math.hypot(
            leader.x1 - Math.max(a.x0, Math.min(leader.x1, a.x1)),
            leader.y1 - Math.max(a.y0, Math.min(leader.y1, a.y1)),
          );
          expect(fromText, `${panel.id}: leader of "${a.text}" starts at its text`).toBeLessThan(6);
          const toCircle = Math.min(...own.map((m) => Math.abs(Math.hypot(leader.x2 - m.x, leader.y2 - m.y) - m.r)));
          expect(toCircle, `${panel.id}: leader of "${a.text}" ends at its circle`).toBeLessThan(2.5);
        } else {
          expect(gap, `${panel.id}: "${a.text}" is ${gap.toFixed(1)} px from its circle`).toBeLessThan(18);
        }
      }
    }
    await page.close();
  }, 60_000);

  it('the map rasterises to a picture, not a blank box', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'corridor-map.svg')).href);
    const colours = await page.evaluate(async () => {
      const svg = document.documentElement;
      const width = Number(svg.getAttribute('width'));
      const height = Number(svg.getAttribute('height'));
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas') as HTMLCanvasElement;
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, width, height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(50);
    await page.close();
  }, 60_000);

  it('every SVG file of the report opens as an SVG document (no XML errors)', async () => {
    const page = await browser.newPage();
    for (const name of ['fan-chart.svg', 'monthly-teu.svg', 'transit-times.svg', 'corridor-map.svg']) {
      await page.goto(pathToFileURL(join(dir, name)).href);
      const root = await page.evaluate(() => ({
        name: document.documentElement.nodeName,
        errors: document.getElementsByTagName('parsererror').length,
      }));
      expect(root, name).toEqual({ name: 'svg', errors: 0 });
    }
    await page.close();
  }, 60_000);
});
