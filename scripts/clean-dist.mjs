// Removes dist/ before a build, so files of modules that were renamed or deleted in src/ are never built into (and
// packed with) the package.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
