import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../src/scenario/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));

describe('src/scenario sits below the network', () => {
  it.each(files)('%s imports only engine, errors and scenario files, and no Node built-ins', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    const sources = [...text.matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map((m) => m[1] as string);
    for (const source of sources) {
      const allowed =
        source === 'zod/mini' ||
        source.startsWith('./') ||
        source === '../errors.js' ||
        source.startsWith('../engine/');
      expect(allowed, `${name} imports ${source}`).toBe(true);
    }
  });
});
