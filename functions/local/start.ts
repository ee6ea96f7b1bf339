/** `npm start`: the whole platform on one port, with the demo community. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoUsers } from './demo/people.js';
import { startPlatform } from './platform.js';

// Lambda runs Node 22+; locally Node 20 is supported and the SDK's reminder of that is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const SITE = resolve('web/build');
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? '.data';
/** `DEMO=none` starts an empty platform: bootstrap it with `npm run admin -- grant-platform-admin <you>`. */
const demo = process.env.DEMO ?? 'chating';
if (demo !== 'none' && demo !== 'chating') {
  console.error(`DEMO must be "chating" (the demo community, the default) or "none" (an empty platform), not "${demo}".`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}
if (!existsSync(`${SITE}/index.html`)) {
  console.log('Building the web site first (once; `npm run build:web` rebuilds it)…');
  execSync('npm run build:web', { stdio: 'inherit' });
}

const platform = await startPlatform({ port, host: process.env.HOST ?? '127.0.0.1', dataDir, staticDir: SITE, seed: demo !== 'none' }).catch((e: Error) => {
  const locked = /LOCK|lock/.test(`${e.message} ${String((e as { cause?: Error }).cause?.message)}`);
  console.error(locked ? `The data folder ${dataDir} is in use: is another \`npm start\` running?` : e);
  process.exit(1);
});

const where = dataDir === ':memory:' ? 'in memory (gone when you stop)' : resolve(dataDir);
const pick = (prefix: string) => demoUsers.filter((u) => u.id.startsWith(prefix)).slice(0, 3);

function demoBanner(): void {
  console.log(`
Gongzhi 共治 is running: http://localhost:${platform.port}
  API:        http://localhost:${platform.port}/api (OpenAPI at /api/openapi.json)
  Data:       ${where}${platform.seeded ? ' — demo community loaded' : ''}
  Sign in as a demo user at http://localhost:${platform.port}/signin, or:
    curl -s -X POST localhost:${platform.port}/api/dev/session -H 'content-type: application/json' -d '{"userId":"resident1"}'
  Demo users (resident1…resident60, tenant1, committee1, staff1, admin1, donor1):`);
  for (const u of [...pick('resident'), ...pick('tenant'), ...pick('committee'), ...pick('staff'), ...pick('admin'), ...pick('donor')]) {
    console.log(`    ${u.id.padEnd(11)} ${u.displayName}  ${u.note}`);
  }
}

function emptyBanner(): void {
  console.log(`
Gongzhi 共治 is running, empty: http://localhost:${platform.port}
  Data:       ${where}
  Bootstrap (in another terminal, same DATA_DIR): npm run admin -- grant-platform-admin <your user id>
  then sign in at http://localhost:${platform.port}/signin with that id and create a community at /admin.`);
}

if (demo === 'none') emptyBanner();
else demoBanner();
console.log('Ctrl-C stops.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await platform.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
