import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { corridorColour, formatCompact, linearScale, sortCorridorKeys } from '../../src/report/scale.js';
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
    expect([0, 950, 12_000, 250_000, 1_200_000].map(formatCompact)).toEqual(['0', '950', '12k', '250k', '1.2M']);
  });

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
