import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: a timeout only catches a hang. Under a busy machine (load 10+ on 2 cores) the 400-experiment coverage
    // test took 80 s; no test may fail because the machine is slow.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
