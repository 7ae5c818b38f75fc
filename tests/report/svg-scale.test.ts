import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  corridorColour,
  formatCompact,
  formatNumber,
  formatTick,
  linearScale,
  sortCorridorKeys,
  stepDecimals,
  xAxis,
} from '../../src/report/scale.js';
import { el, escapeXml, px, svgDocument, text } from '../../src/report/svg.js';
import { checkWellFormed } from './xml.js';

describe('svg writer', () => {
  it('escapes text and attributes', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;');
    const svg = el('g', { 'data-name': 'x"<&' }, text(1, 2, 'Chongqing & <Qinzhou>'));
    expect(svg).toBe('<g data-name="x&quot;&lt;&amp;"><text x="1" y="2">Chongqing &amp; &lt;Qinzhou&gt;</text></g>');
    checkWellFormed(svg);
  });

  it('rounds coordinates to 2 decimals, writes no -0 and refuses NaN', () => {
    expect(px(1.23456)).toBe('1.23');
    expect(px(-0.001)).toBe('0');
    expect(() => px(Number.NaN)).toThrow(/not finite/);
    expect(() => el('circle', { r: Number.POSITIVE_INFINITY })).toThrow(/not finite/);
  });

  test.prop([fc.string(), fc.string()])('any title and note give well-formed SVG', (title, note) => {
    checkWellFormed(svgDocument({ id: 'x', width: 100, height: 80, title, note, subtitle: title }, ''));
  });
});

describe('scales', () => {
  test.prop([
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.integer({ min: 2, max: 10 }),
  ])('nice ticks cover the domain with round, evenly spaced steps', (a, b, count) => {
    const s = linearScale(a, b, [0, 100], count);
    const [lo, hi] = s.domain;
    expect(lo).toBeLessThanOrEqual(Math.min(a, b));
    expect(hi).toBeGreaterThanOrEqual(Math.max(a, b));
    expect(s(lo)).toBeCloseTo(0, 9);
    expect(s(hi)).toBeCloseTo(100, 9);
    expect(s.ticks.length).toBeGreaterThanOrEqual(2);
    expect(s.ticks.length).toBeLessThanOrEqual(4 * count + 3);
    const step = (s.ticks[1] as number) - (s.ticks[0] as number);
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 2.5, 5, 10].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
  });

  it('formats axis values compactly', () => {
    expect([0, 950, 12_000, 250_000, 1_200_000].map((v) => formatCompact(v))).toEqual([
      '0',
      '950',
      '12k',
      '250k',
      '1.2M',
    ]);
  });

  it('compact labels move to the next unit when rounding reaches it, and never read -0', () => {
    const cases: [number, string][] = [
      [10_250, '10.3k'],
      [999_999, '1M'],
      [-999_999, '-1M'],
      [999_950, '1M'],
      [999.9, '1k'],
      [-999.9, '-1k'],
      [99_999, '100k'],
      [-0, '0'],
      [-0.001, '0'],
      [-1e-9, '0'],
      [-12_345, '-12.3k'],
    ];
    for (const [value, label] of cases) expect(formatCompact(value), String(value)).toBe(label);
    expect(formatTick(-0, 1)).toBe('0');
    expect(formatTick(-0.01, 0.5, 1)).toBe('0.0');
    expect(formatNumber(-0.6)).toBe('-1');
  });

  it('labels ticks 2.5 × 10^k apart with the decimals the step needs', () => {
    expect([0.25, 2.5, 0.5, 50, 0.025, 1e-3].map(stepDecimals)).toEqual([2, 1, 1, 0, 3, 3]);
    const s = linearScale(-1, 0.25, [0, 100], 5);
    expect(s.step).toBe(0.25);
    expect(s.ticks).toEqual([-1, -0.75, -0.5, -0.25, 0, 0.25]);
    expect(s.ticks.map((t) => formatTick(t, s.step))).toEqual(['-1', '-0.75', '-0.5', '-0.25', '0', '0.25']);
    expect(s.ticks.map((t) => formatTick(t, s.step, 1))).toEqual(['-1.0', '-0.75', '-0.5', '-0.25', '0.0', '0.25']);
    expect(xAxis(s, 0, 10)).toContain('>-0.75</text>');
    // A TEU axis 2,500 apart around 100k, and one 0.025 apart.
    const teu = linearScale(100_000, 112_000, [0, 100], 5);
    expect(teu.step).toBe(2500);
    expect(teu.ticks.map((t) => formatCompact(t, teu.step))).toContain('102.5k');
    expect(formatCompact(0.075, 0.025)).toBe('0.075');
  });

  /** Reads a label back: `1,234.5`, `-0.75`, `12.5k`, `1.25M`. */
  const readLabel = (label: string) => {
    const unit = label.endsWith('M') ? 1e6 : label.endsWith('k') ? 1e3 : 1;
    return Number(label.replace(/[,kM]/g, '')) * unit;
  };
  /** Chart values: up to ±10 million, to 3 decimals. */
  const value = fc.integer({ min: -1e10, max: 1e10 }).map((i) => i / 1000);
  test.prop([value, value, fc.integer({ min: 2, max: 10 })])(
    'every tick label reads back as its tick, and no label is -0',
    (a, b, count) => {
      const s = linearScale(a, b, [0, 100], count);
      for (const t of s.ticks) {
        for (const label of [formatTick(t, s.step), formatTick(t, s.step, 1), formatCompact(t, s.step)]) {
          expect(label).not.toMatch(/^-[0.,]*[kM]?$/);
          expect(Math.abs(readLabel(label) - t)).toBeLessThanOrEqual(Math.abs(t) * 1e-9 + s.step * 1e-6);
        }
      }
    },
  );

  it('colours known corridors by the palette and others stably', () => {
    expect(corridorColour('ILSTC')).toBe('#0f766e');
    expect(corridorColour('Arctic')).toBe(corridorColour('Arctic'));
    expect(sortCorridorKeys(['Yangtze', 'ILSTC/rail-sea', 'CR-Express', 'ILSTC', 'Arctic', 'Northern'])).toEqual([
      'ILSTC',
      'ILSTC/rail-sea',
      'CR-Express',
      'Northern',
      'Yangtze',
      'Arctic',
    ]);
  });
});
