/** Makes someone platform admin the way `npm run admin -- grant-platform-admin` does: through the use case, on the running platform's database. */
import { createRegistryDeps } from '../../functions/community/registry-deps.js';
import { grantPlatformAdmin } from '../../functions/community/roles.js';
import { systemClock } from '../../functions/shared/clock.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { newId } from '../../functions/shared/ids.js';

export const makePlatformAdmin = (userId: string) =>
  grantPlatformAdmin(createRegistryDeps(documentClient(), config().tables, systemClock, newId), 'test-bootstrap', userId, 'test bootstrap');

/** `n` households of one building as the import CSV, e.g. building 1, rooms 101…; `bad` breaks one row's area. */
export function householdCsv(n: number, opts: { building?: string; bad?: number } = {}): string {
  const b = opts.building ?? '1';
  const rows = Array.from({ length: n }, (_, i) => {
    const room = `${1 + Math.floor(i / 4)}0${1 + (i % 4)}`;
    const area = i === opts.bad ? '八十' : `${60 + (i % 30)}.${String(i % 100).padStart(2, '0')}`;
    return [b, room, area, i % 10 === 9 ? 'developer' : `业主${i};配偶${i}`, i % 7 === 3 ? `租户${i}` : '', i % 3 === 0 ? String(1000 + i) : ''].join(',');
  });
  return ['building,room,area_m2,owners,tenants,phone_hint', ...rows].join('\n') + '\n';
}
