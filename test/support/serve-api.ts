/** A platform in its own process (API only), for tests that need a second data folder: prints its URL, stops on SIGTERM. */
import { startPlatform } from '../../functions/local/platform.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const p = await startPlatform({ port: 0, dataDir: process.env.DATA_DIR ?? ':memory:', staticDir: null, seed: process.env.DEMO !== 'none', quiet: true });
console.log(`URL ${p.url}`);
process.on('SIGTERM', () => void p.close().then(() => process.exit(0)));
