/**
 * A platform in its own process (API only), for tests that need a second data folder or a process
 * they can kill: prints its URL, stops on SIGTERM. `EXTRA_RESIDENTS=<prefix>:<count>` adds that many
 * verified residents of the demo community when the demo is first loaded (a crowd bigger than its 60).
 */
import { startPlatform } from '../../functions/local/platform.js';
import { addResidents } from './residents.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const p = await startPlatform({ port: 0, dataDir: process.env.DATA_DIR ?? ':memory:', staticDir: null, seed: process.env.DEMO !== 'none', quiet: true });
const extra = /^(\w+):(\d+)$/.exec(process.env.EXTRA_RESIDENTS ?? '');
if (extra && p.seeded) await addResidents(extra[1]!, Number(extra[2]));
console.log(`URL ${p.url}`);
process.on('SIGTERM', () => void p.close().then(() => process.exit(0)));
