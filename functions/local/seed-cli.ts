/** `npm run seed` loads the demo community if missing; `npm run seed -- --reset` drops every table and starts over. */
import { config } from '../shared/config.js';
import { dropTables, ensureTables, MEMORY, startEngine } from './dynamo.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const reset = process.argv.includes('--reset');
const dataDir = process.env.DATA_DIR ?? '.data';
if (dataDir === MEMORY) {
  console.error('DATA_DIR=:memory: is thrown away at exit; seeding it would do nothing.');
  process.exit(1);
}

const engine = await startEngine(dataDir).catch((e: Error) => {
  console.error(`Cannot open ${dataDir}: ${e.message}. Stop \`npm start\` first; they cannot share the data folder.`);
  process.exit(1);
});
process.env.DYNAMODB_ENDPOINT = engine.endpoint;
const { tables } = config();
if (reset) {
  await dropTables(engine.endpoint, tables);
  console.log('Dropped every table.');
}
await ensureTables(engine.endpoint, tables);
const { seedDemo } = await import('./seed.js');
console.log((await seedDemo()) ? 'Loaded the demo community.' : 'The demo community is already loaded; nothing changed.');
await engine.close();
