/**
 * A small SVG writer: escaped text, attribute lists, and the frame shared by every chart (title, subtitle, note),
 * so charts are plain strings made in Node without a browser or a DOM.
 *
 * @module
 */

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** An attribute value: numbers are rounded to 2 decimals (enough for pixels), undefined attributes are left out. */
export type AttributeValue = string | number | undefined;

/** `<name a="1" b="x">children</name>`, or self-closing without children. */
export function el(name: string, attributes: Record<string, AttributeValue>, ...children: string[]): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    open += ` ${key}="${typeof value === 'number' ? px(value) : escapeXml(value)}"`;
  }
  const body = children.join('');
  return body === '' ? `${open}/>` : `${open}>${body}</${name}>`;
}

/** A text element with escaped content. */
export function text(x: number, y: number, content: string, attributes: Record<string, AttributeValue> = {}): string {
  return el('text', { x, y, ...attributes }, escapeXml(content));
}

/** A number as short SVG coordinate text (2 decimals at most, no `-0`). */
export function px(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`svg: coordinate ${value} is not finite`);
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** A polyline path `M x y L x y ...` through points. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join('');
}

/** A closed band between an upper and a lower line over the same x values. */
export function bandPath(xs: readonly number[], upper: readonly number[], lower: readonly number[]): string {
  const top = xs.map((x, i) => [x, upper[i] as number] as const);
  const bottom = xs.map((x, i) => [x, lower[i] as number] as const).reverse();
  return `${linePath([...top, ...bottom])}Z`;
}

/** What every chart's frame shows. */
export interface ChartFrame {
  width: number;
  height: number;
  title: string;
  subtitle?: string;
  /** A footnote (sources, what the bands mean). */
  note?: string;
  /** An accessible description (`<desc>`). */
  description?: string;
  /** The `id` of the root `<svg>` (for the HTML report and tests). */
  id: string;
}

/** Height taken by the title block at the top of a chart. */
export const TITLE_BLOCK = 52;
/** Height kept for the footnote at the bottom. */
export const NOTE_BLOCK = 22;

/** Wraps chart content in an `<svg>` with a white background, a title, a subtitle and a footnote. */
export function svgDocument(frame: ChartFrame, content: string): string {
  const { width, height } = frame;
  const parts = [
    el('title', {}, escapeXml(frame.title)),
    frame.description ? el('desc', {}, escapeXml(frame.description)) : '',
    el('style', {}, STYLE),
    el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    text(16, 24, frame.title, { class: 'title' }),
    frame.subtitle ? text(16, 42, frame.subtitle, { class: 'subtitle' }) : '',
    content,
    frame.note ? text(16, height - 8, frame.note, { class: 'note' }) : '',
  ];
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id: frame.id,
      width,
      height,
      viewBox: `0 0 ${px(width)} ${px(height)}`,
      role: 'img',
      'aria-label': frame.title,
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    },
    ...parts,
  );
}

const STYLE = [
  '.title{font-size:16px;font-weight:600;fill:#1f2937}',
  '.subtitle{font-size:12px;fill:#4b5563}',
  '.note{font-size:10px;fill:#6b7280}',
  '.axis{font-size:11px;fill:#4b5563}',
  '.label{font-size:11px;fill:#1f2937}',
  '.small{font-size:10px;fill:#374151}',
  '.grid{stroke:#e5e7eb;stroke-width:1}',
  '.domain{stroke:#9ca3af;stroke-width:1}',
].join('');

/** A `<title>` child: the tooltip browsers show on hover, with its text escaped. */
export function tooltip(content: string): string {
  return el('title', {}, escapeXml(content));
}
