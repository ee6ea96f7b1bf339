import { defineConfig } from 'vitest/config';

/** `npm test` runs every project: fast unit tests, dynalite integration, CDK, then the browser. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 300_000 } },
      {
        test: {
          name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node',
          testTimeout: 60_000, hookTimeout: 300_000, fileParallelism: false,
        },
      },
    ],
  },
});
