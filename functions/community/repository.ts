/** The only code that speaks DynamoDB for the community table. */
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';
import { memberCache } from './member-cache.js';
import { defaultSettings, stranger, type CommunitySettings, type HouseholdLink, type Member } from './rules.js';

/** Settings change rarely; a warm Lambda re-reads them after this long. */
const SETTINGS_TTL_MS = 60_000;

export const communityKeys = {
  user: (id: string) => `USER#${id}`,
  community: (id: string) => `COMMUNITY#${id}`,
  estate: (id: string) => `ESTATE#${id}`,
  household: (id: string) => `HOUSEHOLD#${id}`,
  committee: (estateId: string) => `COMMITTEE#${estateId}`,
  staff: (communityId: string) => `STAFF#${communityId}`,
};

type Row = Record<string, unknown> & { sk: string };

export class CommunityRepository {
  private readonly settingsCache = new Map<string, { at: number; value: CommunitySettings }>();

  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** The community's participation settings (threshold, limits, notice period), defaults filling gaps. */
  async getSettings(communityId: string): Promise<CommunitySettings> {
    const hit = this.settingsCache.get(communityId);
    if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value;
    const out = await this.db.send(new GetCommand({
      TableName: this.table, Key: { pk: communityKeys.community(communityId), sk: 'META' }, ProjectionExpression: 'settings',
    }));
    const value = { ...defaultSettings, ...((out.Item?.settings ?? {}) as Partial<CommunitySettings>) };
    this.settingsCache.set(communityId, { at: Date.now(), value });
    return value;
  }

  /** The community's pocket parks and other bookable spaces. */
  async listSpaces(communityId: string): Promise<Record<string, unknown>[]> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': communityKeys.community(communityId), ':s': 'SPACE#' },
    }));
    return out.Items ?? [];
  }

  /**
   * One Query on the person's partition: profile, households, committee seats and staff roles; kept
   * for a minute in a warm container (member-cache.ts says when it is read afresh).
   */
  async getMember(userId: string): Promise<Member> {
    const hit = memberCache.get(userId);
    if (hit) return hit;
    const member = await this.readMember(userId);
    memberCache.set(member);
    return member;
  }

  /**
   * How a grid member reaches someone (the call list, issue #15): the note staff keep for a person
   * registered without an account, else the last digits of their household's phone in the registry.
   */
  async contactOf(userId: string): Promise<{ displayName: string; contact: string }> {
    const out = await this.db.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': communityKeys.user(userId) } }));
    const rows = ((out.Items ?? []) as Row[]).filter((r) => r.endedAt === undefined);
    const profile = rows.find((r) => r.sk === 'PROFILE');
    const home = rows.find((r) => r.sk.startsWith('HOUSEHOLD#'));
    const displayName = String(profile?.displayName ?? home?.displayName ?? userId);
    if (typeof profile?.contactNote === 'string' && profile.contactNote) return { displayName, contact: profile.contactNote };
    if (!home) return { displayName, contact: '' };
    const householdId = home.sk.slice('HOUSEHOLD#'.length);
    const where = `${String(home.estateName ?? '')} ${String(home.building ?? '')}-${String(home.unit ?? '')}`.trim();
    const h = (await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: communityKeys.estate(String(home.estateId)), sk: communityKeys.household(householdId) } }))).Item;
    return { displayName, contact: typeof h?.phoneHint === 'string' && h.phoneHint ? `${where} · ☎ …${h.phoneHint}` : where };
  }

  private async readMember(userId: string): Promise<Member> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': communityKeys.user(userId) },
    }));
    // Revoked roles and ended memberships stay on record (evidence, audit) but give nothing.
    const rows = ((out.Items ?? []) as Row[]).filter((r) => r.revokedAt === undefined && r.endedAt === undefined);
    const profile = rows.find((r) => r.sk === 'PROFILE');
    if (rows.length === 0) return stranger(userId);
    const tail = (r: Row) => r.sk.slice(r.sk.indexOf('#') + 1);
    const staffOf = rows.filter((r) => r.sk.startsWith('STAFF#')).map(tail);
    return {
      id: userId,
      // Known to the community table: a profile, or a role granted before the person ever joined a household.
      registered: true,
      displayName: typeof profile?.displayName === 'string' ? profile.displayName
        : String(rows.find((r) => typeof r.displayName === 'string')?.displayName ?? userId),
      communityId: typeof profile?.communityId === 'string' ? profile.communityId : (staffOf[0] ?? null),
      households: rows.filter((r) => r.sk.startsWith('HOUSEHOLD#')).map((r): HouseholdLink => ({
        householdId: tail(r),
        estateId: String(r.estateId),
        estateName: String(r.estateName),
        estateNameEn: typeof r.estateNameEn === 'string' ? r.estateNameEn : null,
        building: String(r.building),
        unit: String(r.unit),
        relation: r.relation as HouseholdLink['relation'],
        verified: r.verified === true,
      })),
      ...(typeof profile?.birthYear === 'number' ? { birthYear: profile.birthYear } : {}),
      ...(Array.isArray(profile?.childBirthYears) ? { childBirthYears: (profile.childBirthYears as unknown[]).map(Number) } : {}),
      committeeOf: rows.filter((r) => r.sk.startsWith('COMMITTEE#')).map(tail),
      staffOf,
      platformAdmin: rows.some((r) => r.sk === 'PLATFORM'),
    };
  }

  /**
   * The birth years behind priority seats, on the person's PROFILE item; false when the person
   * has no profile (not registered in a community yet). A null birth year removes it.
   */
  async setPriorityProfile(userId: string, p: { birthYear: number | null; childBirthYears: number[] }, at: string): Promise<boolean> {
    const birth = p.birthYear === null ? ' REMOVE birthYear' : '';
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table,
        Key: { pk: communityKeys.user(userId), sk: 'PROFILE' },
        UpdateExpression: `SET childBirthYears = :c, priorityUpdatedAt = :at${p.birthYear === null ? '' : ', birthYear = :b'}${birth}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':c': p.childBirthYears, ':at': at, ...(p.birthYear === null ? {} : { ':b': p.birthYear }) },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }
}
