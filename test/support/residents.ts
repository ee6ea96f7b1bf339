/** Extra verified residents of the demo community's 南湖三村 for load tests (the demo has 60): written straight into the community table. */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';

export async function addResidents(prefix: string, count: number, profile: { birthYear?: number; childBirthYears?: number[] } = {}): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  const items = ids.flatMap((id, i) => [
    { pk: `USER#${id}`, sk: 'PROFILE', id, displayName: `测试居民${i + 1}`, communityId: 'chating', ...profile },
    { pk: `USER#${id}`, sk: `HOUSEHOLD#chating.nanhu.${prefix}-${i + 1}`, householdId: `chating.nanhu.${prefix}-${i + 1}`, estateId: 'chating.nanhu', estateName: '南湖三村',
      building: '9', unit: String(100 + i), relation: 'owner', verified: true },
  ]);
  for (let i = 0; i < items.length; i += 25) {
    await documentClient().send(new BatchWriteCommand({
      RequestItems: { [config().tables.community]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
    }));
  }
  return ids;
}
