/**
 * How every Lambda is bundled: read by the api stack (NodejsFunction) and by `npm run bench`,
 * so the sizes and cold starts the bench reports are those of what deploys.
 */
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export const lambdaBundle = {
  /** esbuild target; follows the Lambda runtime in lambda-function.ts. */
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  /** ESM output still meets CommonJS inside some dependencies; give them a `require`. */
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  /**
   * Modules replaced in the bundle: the SDK's default credential chain by the environment's
   * credentials, which is all a Lambda has (functions/shared/db/lambda-credentials.ts); Node's web
   * streams, which @middy/core loads for streamed responses only, by a lazy `instanceof` check
   * (functions/shared/http/lambda-stream-web.ts).
   */
  alias: {
    '@aws-sdk/credential-provider-node': join(repoRoot, 'functions/shared/db/lambda-credentials.ts'),
    'node:stream/web': join(repoRoot, 'functions/shared/http/lambda-stream-web.ts'),
  },
} as const;
