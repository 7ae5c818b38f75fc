/**
 * A strict well-formedness check for the XML the report writes (SVG, and the XHTML-like structure of its HTML
 * tables): every tag closed in order, attributes quoted, no stray `<` or `&`. Enough for generated markup, which
 * has no comments, CDATA or processing instructions.
 */
export function checkWellFormed(xml: string, { html = false } = {}): void {
  const voidTags = html ? new Set(['meta', 'br', 'img', 'link', 'hr', 'input']) : new Set<string>();
  const stack: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: …${xml.slice(Math.max(0, i - 40), i + 40)}…`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    checkText(xml.slice(i, textEnd), fail);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!DOCTYPE', i)) {
      i = xml.indexOf('>', i) + 1;
      continue;
    }
    const m = /^<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/.exec(xml.slice(i));
    if (!m) fail('malformed tag');
    const [whole, closing, name, attributes, selfClosing] = m as unknown as [string, string, string, string, string];
    checkText(attributes.replace(/="/g, '').replace(/"/g, ''), fail);
    if (closing) {
      if (stack.pop() !== name) fail(`unexpected </${name}>`);
    } else if (!selfClosing && !voidTags.has(name)) {
      stack.push(name);
    }
    i += whole.length;
  }
  if (stack.length > 0) throw new Error(`unclosed tags: ${stack.join(' > ')}`);
}

function checkText(text: string, fail: (why: string) => never): void {
  const amp = /&(?!(?:amp|lt|gt|quot|#39|#\d+);)/.exec(text);
  if (amp) fail('unescaped &');
  if (text.includes('<')) fail('unescaped <');
}
