/**
 * The report's `index.html`: one self-contained page (charts inline as SVG, no script, no external asset) with the
 * headline answers, the charts, tables and links to the CSV files and `summary.json`.
 *
 * @module
 */
import { escapeXml } from './svg.js';

/** A section of the page. */
export interface HtmlSection {
  id: string;
  heading: string;
  /** Paragraphs of plain text (escaped). */
  intro?: string[];
  /** Inline SVG documents. */
  figures?: string[];
  tables?: HtmlTable[];
  /** Figures side by side (two to a row on a wide screen) instead of one under another. */
  figureGrid?: boolean;
}

/** A KPI tile at the top of the page: a label, one big value, a line of detail. */
export interface HtmlTile {
  label: string;
  value: string;
  detail?: string;
}

/** A table: header, rows of plain-text cells (escaped), right-aligned numeric columns. */
export interface HtmlTable {
  caption?: string;
  header: string[];
  rows: string[][];
  /** Indices of columns to right-align (numbers). Default: the columns after the first whose cells all read as numbers. */
  numeric?: number[];
}

/** What the page shows. */
export interface HtmlPage {
  title: string;
  /** One line under the title: scenario, seed, replications... */
  meta: string[];
  /** Headline answers, in bold, at the top. */
  headlines: string[];
  /** KPI tiles shown above the headlines. */
  tiles?: HtmlTile[];
  sections: HtmlSection[];
  /** Files of the report to link to (CSV, JSON, SVG). */
  downloads: { name: string; description: string }[];
  /** A closing note (model limits, sources). */
  footer: string[];
}

/** The page as an HTML5 document. */
export function htmlPage(page: HtmlPage): string {
  const e = escapeXml;
  const nav = page.sections.map((s) => `<a href="#${e(s.id)}">${e(s.heading)}</a>`).join(' · ');
  const sections = page.sections.map(
    (s) => `<section id="${e(s.id)}">
<h2>${e(s.heading)}</h2>
${(s.intro ?? []).map((p) => `<p>${e(p)}</p>`).join('\n')}
${figures(s)}
${(s.tables ?? []).map(htmlTable).join('\n')}
</section>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="corridor-sim">
<title>${e(page.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(page.title)}</h1>
${page.meta.map((m) => `<p class="meta">${e(m)}</p>`).join('\n')}
${tiles(page.tiles ?? [])}
${headlines(page.headlines)}
<nav>${nav}</nav>
</header>
<main>
${sections.join('\n')}
<section id="files">
<h2>Files</h2>
<ul>${page.downloads.map((d) => `<li><a href="${e(d.name)}">${e(d.name)}</a> — ${e(d.description)}</li>`).join('')}</ul>
</section>
</main>
<footer>${page.footer.map((f) => `<p>${e(f)}</p>`).join('')}</footer>
</body>
</html>
`;
}

/** One headline is a paragraph; several are a list. */
function headlines(lines: string[]): string {
  const e = escapeXml;
  if (lines.length === 0) return '';
  if (lines.length === 1) return `<p class="headlines">${e(lines[0] as string)}</p>`;
  return `<ul class="headlines">${lines.map((h) => `<li>${e(h)}</li>`).join('')}</ul>`;
}

function tiles(list: HtmlTile[]): string {
  const e = escapeXml;
  if (list.length === 0) return '';
  const tile = (t: HtmlTile) =>
    `<div class="tile"><div class="tile-label">${e(t.label)}</div><div class="tile-value">${e(t.value)}</div>` +
    `${t.detail ? `<div class="tile-detail">${e(t.detail)}</div>` : ''}</div>`;
  return `<div class="tiles">${list.map(tile).join('')}</div>`;
}

function figures(s: HtmlSection): string {
  const list = (s.figures ?? []).map((svg) => `<figure>${svg}</figure>`).join('\n');
  return s.figureGrid ? `<div class="figure-grid">${list}</div>` : list;
}

function htmlTable(t: HtmlTable): string {
  const e = escapeXml;
  const numeric = new Set(t.numeric ?? numericColumns(t));
  const cell = (tag: string, text: string, i: number) =>
    `<${tag}${numeric.has(i) ? ' class="num"' : ''}>${e(text)}</${tag}>`;
  return `<div class="table"><table>
${t.caption ? `<caption>${e(t.caption)}</caption>` : ''}
<thead><tr>${t.header.map((h, i) => cell('th', h, i)).join('')}</tr></thead>
<tbody>
${t.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}
</tbody>
</table></div>`;
}

/** Columns (after the first) whose every cell reads as a number, a range or a percentage: right-aligned. */
function numericColumns(t: HtmlTable): number[] {
  const looksNumeric = (cell: string) => cell === '' || /^[-+−–]?[\d.,]+(?:[\s%×±–(]|$)/.test(cell) || cell === '–';
  return t.header.map((_, i) => i).filter((i) => i > 0 && t.rows.every((r) => looksNumeric(r[i] ?? '')));
}

const CSS = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2937;',
  'margin:0 auto;max-width:1040px;padding:24px;line-height:1.45}',
  'h1{font-size:24px;margin:0 0 6px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}',
  '.meta{color:#4b5563;margin:2px 0;font-size:14px}',
  '.headlines{background:#f0fdfa;border-left:4px solid #0f766e;padding:10px 14px 10px 32px;font-weight:600}',
  'p.headlines{padding:10px 14px}',
  '.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:10px;margin:14px 0}',
  '.tile{border:1px solid #e5e7eb;border-radius:6px;padding:10px 12px;background:#fff}',
  '.tile-label{font-size:13px;color:#4b5563}.tile-value{font-size:24px;font-weight:700;color:#0f766e;margin:2px 0}',
  '.tile-detail{font-size:12px;color:#4b5563}',
  '.figure-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:8px}',
  'nav{font-size:14px;margin-top:10px}nav a{color:#0f766e}',
  'figure{margin:12px 0;overflow-x:auto}figure svg{max-width:100%;height:auto}',
  '.table{overflow-x:auto}table{border-collapse:collapse;font-size:13px;margin:10px 0}',
  'caption{text-align:left;font-weight:600;padding:4px 0}',
  'th,td{padding:4px 10px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}',
  'th{background:#f9fafb}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}',
  'footer{margin-top:36px;color:#6b7280;font-size:12px}',
].join('');
