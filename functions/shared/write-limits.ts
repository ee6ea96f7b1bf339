/**
 * Writes one person may send per day (a community setting each: proposals, comments, reports,
 * objections, household requests), so nobody can flood the others. The day is Beijing's, from
 * midnight. Counting is one conditional write on one small item per person, write and day — no
 * read first, so a burst of parallel requests cannot slip past the limit. The item expires (TTL)
 * the day after. A refusal is a 429 with Retry-After: the seconds until the next Beijing midnight.
 * Staff acting in their own community are never held (callers check `isStaffOf` before calling).
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from './db/client.js';
import { TooManyRequestsError } from './errors.js';

export type LimitedWrite = 'proposals' | 'comments' | 'reports' | 'objections' | 'householdRequests';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000; // UTC+8 all year: China has no daylight saving time.

/** The Beijing day `at` falls in: its date (the key) and when it ends (UTC ms). */
export function beijingDay(at: string): { date: string; endsAt: number } {
  const local = Date.parse(at) + BEIJING_MS;
  const start = local - (local % DAY_MS);
  return { date: new Date(start).toISOString().slice(0, 10), endsAt: start + DAY_MS - BEIJING_MS };
}

const messages: Record<LimitedWrite, string> = {
  proposals: 'You have sent as many proposals today as this community allows. Please try again tomorrow.',
  comments: 'You have sent as many comments today as this community allows. Please try again tomorrow.',
  reports: 'You have sent as many reports today as this community allows. Please try again tomorrow.',
  objections: 'You have sent as many objections today as this community allows. Please try again tomorrow.',
  householdRequests: 'You have sent as many household requests today as this community allows. Please try again tomorrow, or ask your grid member.',
};

export class WriteLimits {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /**
   * Counts one `write` by `userId` today, or refuses it with a 429 when `perDay` are already
   * counted (0 = no limit: nothing is written).
   */
  async take(userId: string, write: LimitedWrite, perDay: number, at: string): Promise<void> {
    if (perDay <= 0) return;
    const day = beijingDay(at);
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: `LIMIT#${userId}`, sk: `${write}#${day.date}` },
        UpdateExpression: 'ADD used :one SET expiresAt = if_not_exists(expiresAt, :exp)',
        // Why: at most `perDay` of this write today; the count and the check are one step.
        ConditionExpression: 'attribute_not_exists(used) OR used < :max',
        ExpressionAttributeValues: { ':one': 1, ':max': perDay, ':exp': Math.floor(day.endsAt / 1000) + 86_400 },
      }));
    } catch (e) {
      if (isConditionFailed(e)) {
        throw new TooManyRequestsError(messages[write], Math.max(1, Math.ceil((day.endsAt - Date.parse(at)) / 1000)));
      }
      throw e;
    }
  }
}
