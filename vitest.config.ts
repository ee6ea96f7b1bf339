import { defineConfig } from 'vitest/config';

/**
 * Node 20 is supported locally (Lambda runs 22+); the SDK's reminder of that is noise in test output.
 * The suite sends tens of thousands of requests: their one log line each stays below the level and
 * their metrics are off (test/unit/observability.test.ts turns both on to check them).
 */
const base = {
  environment: 'node' as const,
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'warn', POWERTOOLS_METRICS_DISABLED: 'true' },
};

/** `npm test` runs every project: fast unit tests, dynalite integration, CDK, then the browser. */
export default defineConfig({
  test: {
    projects: [
      { test: { ...base, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { ...base, name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { ...base, name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 300_000 } },
      {
        test: {
          ...base, name: 'e2e', include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000, hookTimeout: 300_000, fileParallelism: false,
        },
      },
    ],
  },
});
