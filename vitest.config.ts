import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry WASM heaps; two workers fit the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
