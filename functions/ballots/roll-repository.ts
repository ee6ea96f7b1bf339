/**
 * Household rolls in the ballots table. Each import's units are written under their own version
 * (the first 16 hex digits of the rows' hash), and META names the version in force: META is the
 * truth, written last and conditionally, so two imports at once never mix their rows, an interrupted
 * import is simply not in force, and a ballot frozen from META's version gets exactly that roll.
 *  ROLL#<estateId>  META                    hash, totals, who imported it when, pendingUntil
 *  ROLL#<estateId>  UNIT#<version>#<unit>   one unit of that version
 * The estate id names its community (`chating.dongyuan`), so two communities' `dongyuan` rolls never meet.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { communityOfId } from '../contracts/common.js';
import { isConditionFailed } from '../shared/db/client.js';
import { batchWrite, queryAll } from './db.js';
import type { RollRow } from './roll-csv.js';

export interface RollMeta {
  estateId: string; hash: string; units: number; totalAreaCentiM2: number; heads: number; importedAt: string; importedBy: string;
  /** Set while a ballot created with this roll has not opened yet: no import may replace the roll before then. */
  pendingUntil?: string;
}
export interface EstateInfo { id: string; name: string; communityId: string }

const pk = (estateId: string) => `ROLL#${estateId}`;
const version = (hash: string) => `UNIT#${hash.slice(0, 16)}#`;

export class RollRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string, private readonly communityTable: string) {}

  /** The estate's record in the community table (name, community), or null; its id says which community. */
  async getEstate(estateId: string): Promise<EstateInfo | null> {
    const communityId = communityOfId(estateId);
    const out = await this.db.send(new GetCommand({
      TableName: this.communityTable, Key: { pk: `COMMUNITY#${communityId}`, sk: `ESTATE#${estateId}` },
    }));
    return out.Item ? { id: estateId, name: String(out.Item.name), communityId } : null;
  }

  async getMeta(estateId: string): Promise<RollMeta | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: pk(estateId), sk: 'META' }, ConsistentRead: true }));
    return (out.Item as unknown as RollMeta | undefined) ?? null;
  }

  /** The units of one version of the roll (the one META names, for the roll in force). */
  async getUnits(estateId: string, hash: string): Promise<RollRow[]> {
    const items = await queryAll(this.db, {
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': pk(estateId), ':v': version(hash) }, ConsistentRead: true,
    });
    return items.map((i) => ({
      unitId: String(i.unitId), building: String(i.building), room: String(i.room), areaCentiM2: Number(i.areaCentiM2),
      owners: i.owners as string[], head: String(i.head), representativeId: (i.representativeId as string | undefined) ?? null,
    }));
  }

  /**
   * Keeps the roll in force (version `hash`) unchanged until `opensAt`, for a ballot frozen from it
   * that opens then. False when the roll is no longer that version (an import won meanwhile).
   */
  async holdUntil(estateId: string, hash: string, opensAt: string): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: pk(estateId), sk: 'META' }, UpdateExpression: 'SET pendingUntil = :o',
        // Why: hold the very version the ballot froze, and never shorten a longer hold of another ballot.
        ConditionExpression: '#h = :h AND (attribute_not_exists(pendingUntil) OR pendingUntil < :o)',
        ExpressionAttributeNames: { '#h': 'hash' }, ExpressionAttributeValues: { ':h': hash, ':o': opensAt },
      }));
      return true;
    } catch (e) {
      if (!isConditionFailed(e)) throw e;
      return (await this.getMeta(estateId))?.hash === hash; // already held at least as long
    }
  }

  /**
   * Writes a whole valid roll as a new version, then puts it in force by writing META on condition
   * that META still names the version this import started from. False: another import won meanwhile.
   * The replaced version's units are deleted afterwards (left over if that fails: nothing reads them).
   */
  async replace(meta: RollMeta, rows: RollRow[], previousHash: string | null, now: string): Promise<boolean> {
    await batchWrite(this.db, this.table, rows.map((r) => ({
      PutRequest: { Item: { pk: pk(meta.estateId), sk: `${version(meta.hash)}${r.unitId}`, ...r } },
    })));
    try {
      await this.db.send(new PutCommand({
        TableName: this.table, Item: { pk: pk(meta.estateId), sk: 'META', ...meta },
        // Why: the roll in force is still the one this import read (no other import won meanwhile), and
        // no ballot frozen from it is still waiting to open (a ballot's roll is the roll at its opening).
        ConditionExpression: previousHash === null
          ? 'attribute_not_exists(pk)' : '#h = :prev AND (attribute_not_exists(pendingUntil) OR pendingUntil <= :now)',
        ...(previousHash === null ? {} : { ExpressionAttributeNames: { '#h': 'hash' }, ExpressionAttributeValues: { ':prev': previousHash, ':now': now } }),
      }));
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
    if (previousHash !== null && version(previousHash) !== version(meta.hash)) {
      const old = await queryAll(this.db, {
        TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)', ProjectionExpression: 'pk, sk',
        ExpressionAttributeValues: { ':pk': pk(meta.estateId), ':v': version(previousHash) },
      });
      await batchWrite(this.db, this.table, old.map((Key) => ({ DeleteRequest: { Key } })));
    }
    return true;
  }
}
