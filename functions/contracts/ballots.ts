/**
 * Property-committee ballots (Civil Code Art. 278): household rolls, ballots, votes, results.
 *
 * Endpoints (all under /api; "committee" = that estate's property-management committee):
 * - PUT  /estates/{id}/roll                 staff or committee: import the roll from CSV `{csv}` (columns below);
 *                                           the whole file is checked first, every row error comes back as a 400
 *                                           issue `csv.<line>.<column>`, nothing is written unless all rows are
 *                                           valid; the same file again changes nothing (`changed: false`). → RollImport
 * - GET  /estates/{id}/roll                 staff or committee: every unit of the roll. → Roll
 * - GET  /estates/{id}/roll/summary         public: units, total area, heads. → RollSummary
 * - GET  /ballots?community=&estateId=      public: the community's ballots, newest first (`community` required;
 *                                           `estateId` optional and must be one of its estates, else 400). → BallotPage
 * - POST /ballots                           committee: create a ballot; the estate's roll is frozen into it now. → Ballot
 * - GET  /ballots/{id}                      public: question, rule, frozen totals, live participation (area and
 *                                           heads, never choices while open), result and objections. → Ballot
 *                                           Participation while open is a recount at most 30 s old (40 s while
 *                                           another read recounts) kept on the ballot, so a read is one item
 *                                           however big the roll; exact once closesAt + the settle minute have
 *                                           passed; the list's items carry the same participation.
 * - GET  /ballots/{id}/vote                 signed in: the units the caller represents and their current vote. → MyVotes
 * - PUT  /ballots/{id}/vote                 a unit's representative votes `{choice, unitId?}`; without unitId the
 *                                           vote applies to every unit the caller represents. Changeable until
 *                                           close; the last vote counts. → MyVotes (with receipt codes)
 *                                           An owner's own online vote also replaces an earlier paper/proxy entry
 *                                           (the entry stays in the history). Tenants, donors and other estates'
 *                                           owners (not representatives on the frozen roll) get 403; closed → 409.
 * - GET  /ballots/{id}/units                staff or committee: the frozen roll with who has voted and how (online,
 *                                           paper, proxy), never the choice while open. → BallotUnits
 * - PUT  /ballots/{id}/units/{unitId}/vote  staff: enter a paper ballot or a proxy vote with evidence; a unit that
 *                                           already voted needs `replace: true` and a reason. → UnitVote
 * - GET  /ballots/{id}/units/{unitId}/history  the unit's representative, staff or committee: every vote and change
 *                                           of the unit (choices hidden from staff/committee while open). → UnitHistory
 * - POST /ballots/{id}/close                committee, once closesAt has passed: tally and publish. → Ballot
 * - GET  /ballots/{id}/receipts?limit=&cursor=  public once closed: each receipt code with its counted choice, area
 *                                           and head key, so anyone can recompute the result; sorted by code, in
 *                                           pages (default 100, at most 500) with the next page's cursor. → ReceiptList
 * - POST /ballots/{id}/objections           a representative on the frozen roll, during the notice period. → Ballot
 * - POST /ballots/{id}/objections/{objectionId}/response  committee answers an objection. → Ballot
 *
 * Roll CSV (UTF-8, first line is the header, columns in any order, RFC 4180 quoting):
 *   unit_id        unique id of the unit in this estate, e.g. `1-101` (letters, digits, `-`, `_`)
 *   building       building label, e.g. `1`
 *   room           door label, e.g. `101`
 *   area_m2        exclusive floor area in m², at most two decimals, e.g. `86.40` (stored as 8640 × 0.01 m²)
 *   owners         owners' names, `;`-separated
 *   head           head key: units with the same key count as ONE owner by head (one buyer with several units
 *                  uses one key; every unsold developer unit uses `developer`)
 *   representative user id of the person who votes for this unit; empty = paper/proxy only
 */
import * as z from 'zod/mini';
import { Cursor, EstateId, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';
import { lazy } from './lazy.js';

/** Article 278 items. The matter decides the rule: `major` ones need 3/4, the others more than 1/2. */
export const Matter = lazy(() => z.enum([
  'procedure-rules', // 制定和修改业主大会议事规则
  'management-rules', // 制定和修改管理规约
  'committee', // 选举业主委员会或者更换业主委员会成员
  'property-company', // 选聘和解聘物业服务企业或者其他管理人
  'use-maintenance-fund', // 使用建筑物及其附属设施的维修资金
  'raise-maintenance-fund', // 筹集建筑物及其附属设施的维修资金 (major)
  'rebuild', // 改建、重建建筑物及其附属设施 (major)
  'common-use-change', // 改变共有部分的用途或者利用共有部分从事经营活动 (major)
  'other', // 有关共有和共同管理权利的其他重大事项
]));
export type Matter = z.infer<typeof Matter>;
export const RuleKind = lazy(() => z.enum(['ordinary', 'major']));
export type RuleKind = z.infer<typeof RuleKind>;

/** A unit id inside an estate's roll. */
export const UnitId = lazy(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a unit id')));
/** An estate's id names its community (`chating.dongyuan`), so its roll and ballots are that community's. */
export const EstateParams = lazy(() => z.strictObject({ id: EstateId }));
export const BallotUnitParams = lazy(() => z.strictObject({ id: Ulid, unitId: UnitId }));
export const BallotObjectionParams = lazy(() => z.strictObject({ id: Ulid, objectionId: Ulid }));

/** A ratio as exact integers; `percent` is for display only (floor to 0.01, e.g. "66.66"). */
export const Ratio = lazy(() => z.object({ numerator: z.string(), denominator: z.string(), percent: z.string() }));
export type Ratio = z.infer<typeof Ratio>;

// ---- Roll ----
export const RollImportBody = lazy(() => z.strictObject({ csv: z.string().check(z.minLength(1), z.maxLength(2_000_000)) }));
export const RollTotals = lazy(() => z.object({
  units: z.int().check(z.gte(0)),
  /** Sum of exclusive areas in 0.01 m². */
  totalAreaCentiM2: z.int().check(z.gte(0)),
  heads: z.int().check(z.gte(0)),
}));
export type RollTotals = z.infer<typeof RollTotals>;
export const RollSummary = lazy(() => z.extend(RollTotals, {
  estateId: EstateId,
  /** null when no roll has been imported yet (all totals 0). */
  importedAt: z.nullable(Timestamp),
  /** sha-256 of the normalized rows; the same file gives the same hash. */
  hash: z.nullable(z.string()),
}));
export type RollSummary = z.infer<typeof RollSummary>;
export const RollImport = lazy(() => z.extend(RollSummary, { changed: z.boolean() }));
export type RollImport = z.infer<typeof RollImport>;
export const RollUnit = lazy(() => z.object({
  unitId: UnitId, building: z.string(), room: z.string(),
  areaCentiM2: z.int().check(z.gte(1)),
  owners: z.array(z.string()),
  head: z.string(),
  representativeId: z.nullable(UserId),
}));
export type RollUnit = z.infer<typeof RollUnit>;
export const Roll = lazy(() => z.extend(RollSummary, { importedBy: z.nullable(UserId), units: z.array(RollUnit) }));
export type Roll = z.infer<typeof Roll>;

// ---- Ballots ----
/** Decision: options are `yes`, `no`, `abstain`. Candidates: each candidate is approved on its own. */
export const BallotOptionsInput = lazy(() => z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('decision') }),
  z.strictObject({
    kind: z.literal('candidates'),
    candidates: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))).check(z.minLength(1), z.maxLength(30)),
  }),
]));
export const OptionId = lazy(() => z.string().check(z.regex(/^[a-z0-9-]{1,20}$/, 'must be an option id')));
export const BallotOption = lazy(() => z.object({ id: OptionId, label: z.string() }));
export type BallotOption = z.infer<typeof BallotOption>;

export const CreateBallotBody = lazy(() => z.strictObject({
  estateId: EstateId,
  title: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
  description: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
  matter: Matter,
  options: BallotOptionsInput,
  opensAt: Timestamp,
  closesAt: Timestamp,
}).check(z.refine((b) => b.closesAt > b.opensAt, { path: ['closesAt'], message: 'must be after opensAt' }), z.refine((b) => b.options.kind === 'decision' || b.matter === 'committee', { path: ['options', 'kind'], message: 'candidates are only for electing the committee' })));
export type CreateBallotBody = z.input<typeof CreateBallotBody>;

/**
 * scheduled → open → counting (closesAt passed, not yet closed) → notice (result published, objections
 * possible) → final (notice period over and no open objection; decided when read).
 */
export const BallotStatus = lazy(() => z.enum(['scheduled', 'open', 'counting', 'notice', 'final']));
export type BallotStatus = z.infer<typeof BallotStatus>;

export const Rule = lazy(() => z.object({
  kind: RuleKind,
  /** Participation needed of the frozen roll's area and heads (both): 2/3. */
  participation: z.object({ numerator: z.int(), denominator: z.int() }),
  /** Approval needed of the participating area and heads (both): major ≥ 3/4, ordinary > 1/2. */
  approval: z.object({ numerator: z.int(), denominator: z.int(), strict: z.boolean() }),
  /** e.g. "Art. 278: major matter, ≥ 3/4 of participating area and owners". */
  text: z.string(),
}));
export type Rule = z.infer<typeof Rule>;

export const Participation = lazy(() => z.object({
  units: z.int().check(z.gte(0)),
  areaCentiM2: z.int().check(z.gte(0)),
  heads: z.int().check(z.gte(0)),
}));
export type Participation = z.infer<typeof Participation>;

export const OptionResult = lazy(() => z.object({
  optionId: OptionId,
  /** Area and heads that chose (decision) or approved (candidate) this option. */
  areaCentiM2: z.int().check(z.gte(0)),
  heads: z.int().check(z.gte(0)),
  areaRatio: Ratio,
  headsRatio: Ratio,
  /** For `yes` of a decision or each candidate: whether the approval rule is met. Always false for no/abstain. */
  approved: z.boolean(),
}));
export const BallotResult = lazy(() => z.object({
  outcome: z.enum(['passed', 'failed', 'no-quorum']),
  /** Which rule was applied, in words. */
  rule: z.string(),
  participation: Participation,
  participationAreaRatio: Ratio,
  participationHeadsRatio: Ratio,
  quorumMet: z.boolean(),
  options: z.array(OptionResult),
  /** Candidates elected (candidates ballots); empty for decisions. */
  elected: z.array(OptionId),
  /** Heads whose units chose differently: they count as participating but for no option. */
  splitHeads: z.int().check(z.gte(0)),
  closedAt: Timestamp,
  closedBy: UserId,
  noticeEndsAt: Timestamp,
}));
export type BallotResult = z.infer<typeof BallotResult>;

export const Objection = lazy(() => z.object({
  id: Ulid, by: UserId, byName: z.string(), text: z.string(), at: Timestamp,
  response: z.nullable(z.object({ by: UserId, byName: z.string(), text: z.string(), at: Timestamp })),
}));
export type Objection = z.infer<typeof Objection>;

export const BallotSummary = lazy(() => z.object({
  id: Ulid, communityId: Slug, estateId: EstateId, estateName: z.string(),
  title: z.string(), matter: Matter, ruleKind: RuleKind,
  optionsKind: z.enum(['decision', 'candidates']),
  opensAt: Timestamp, closesAt: Timestamp, status: BallotStatus,
  outcome: z.nullable(z.enum(['passed', 'failed', 'no-quorum'])),
  createdAt: Timestamp,
  /** The roll as frozen when the ballot was created. */
  frozenRoll: z.extend(RollTotals, { hash: z.string() }),
  /**
   * Units, area and heads that hold a vote; never who chose what. While open, a recount of the units'
   * own vote items at most 30 s old (40 s while another read recounts); exact once closesAt and the
   * settle minute have passed, and once closed it is the published result's count.
   */
  participation: Participation,
}));
export type BallotSummary = z.infer<typeof BallotSummary>;

export const Ballot = lazy(() => z.extend(BallotSummary, {
  description: z.string(),
  options: z.array(BallotOption),
  rule: Rule,
  result: z.nullable(BallotResult),
  objections: z.array(Objection),
  openObjections: z.int().check(z.gte(0)),
  createdBy: UserId,
}));
export type Ballot = z.infer<typeof Ballot>;

/** A community's ballots; with `estateId` (one of that community's estates) only that estate's. */
export const ListBallotsQuery = lazy(() => z.strictObject({ community: Slug, estateId: z.optional(EstateId), limit: PageLimit, cursor: z.optional(Cursor) }));
export const BallotPage = lazy(() => z.object({ items: z.array(BallotSummary), cursor: z.nullable(Cursor) }));
export type BallotPage = z.infer<typeof BallotPage>;

// ---- Votes ----
/** A decision takes one option id (`yes`/`no`/`abstain`); a candidates ballot the ids approved (may be empty). */
export const Choice = lazy(() => z.union([OptionId, z.array(OptionId).check(z.maxLength(30))]));
export type Choice = z.infer<typeof Choice>;
export const VoteBody = lazy(() => z.strictObject({ choice: Choice, unitId: z.optional(UnitId) }));
export type VoteBody = z.input<typeof VoteBody>;
export const VoteVia = lazy(() => z.enum(['online', 'paper', 'proxy']));

export const MyUnitVote = lazy(() => z.object({
  unitId: UnitId, building: z.string(), room: z.string(), areaCentiM2: z.int(),
  choice: z.nullable(Choice),
  /** Unguessable code (10 base-32 characters) to find the unit's vote in the published list. */
  receipt: z.nullable(z.string()),
  votedAt: z.nullable(Timestamp),
  via: z.nullable(VoteVia),
}));
export const MyVotes = lazy(() => z.object({ ballotId: Ulid, items: z.array(MyUnitVote) }));
export type MyVotes = z.infer<typeof MyVotes>;

export const EnterVoteBody = lazy(() => z.strictObject({
  choice: Choice,
  via: z.enum(['paper', 'proxy']),
  evidence: z.strictObject({
    formNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
    /** Reference of the photographed form or proxy letter (e.g. an upload key). */
    photoRef: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
    note: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  }),
  /** Proxy: who gave the proxy (free text, e.g. the owner's name). */
  onBehalfOf: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  replace: z._default(z.boolean(), false),
  reason: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(300))),
}).check(z.refine((b) => !b.replace || b.reason !== undefined, { path: ['reason'], message: 'required when replace is true' })));
export type EnterVoteBody = z.input<typeof EnterVoteBody>;
export const UnitVote = lazy(() => z.extend(MyUnitVote, { ballotId: Ulid, replaced: z.boolean() }));
export type UnitVote = z.infer<typeof UnitVote>;

export const BallotUnit = lazy(() => z.object({
  unitId: UnitId, building: z.string(), room: z.string(), areaCentiM2: z.int(),
  headKey: z.string(), representativeId: z.nullable(UserId),
  voted: z.boolean(), via: z.nullable(VoteVia), votedAt: z.nullable(Timestamp), changes: z.int().check(z.gte(0)),
}));
export const BallotUnits = lazy(() => z.object({ ballotId: Ulid, items: z.array(BallotUnit) }));
export type BallotUnits = z.infer<typeof BallotUnits>;

export const HistoryEntry = lazy(() => z.object({
  /** null for staff/committee while the ballot is open. */
  choice: z.nullable(Choice),
  at: Timestamp, via: VoteVia, by: UserId,
  evidence: z.nullable(z.object({ formNumber: z.string(), photoRef: z.nullable(z.string()), note: z.nullable(z.string()) })),
  onBehalfOf: z.nullable(z.string()),
  reason: z.nullable(z.string()),
}));
export const UnitHistory = lazy(() => z.object({ ballotId: Ulid, unitId: UnitId, items: z.array(HistoryEntry) }));
export type UnitHistory = z.infer<typeof UnitHistory>;

/** Receipts come in pages of `limit` (default 100, at most 500: a 1,000-unit ballot is two pages of 500). */
export const ReceiptsQuery = lazy(() => z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  cursor: z.optional(Cursor),
}));
export const ReceiptList = lazy(() => z.object({
  ballotId: Ulid,
  frozenRoll: RollTotals,
  ruleKind: RuleKind,
  options: z.array(BallotOption),
  /**
   * This page's receipts, the whole list sorted by receipt code (never by unit); `headKey` is an opaque
   * per-ballot key shared by the units of one head. Every page carries the same roll, options and result.
   */
  items: z.array(z.object({ receipt: z.string(), choice: Choice, areaCentiM2: z.int(), headKey: z.string() })),
  result: BallotResult,
  /** The next page (`?cursor=`), null on the last; every receipt is on exactly one page. */
  cursor: z.nullable(Cursor),
}));
export type ReceiptList = z.infer<typeof ReceiptList>;

export const BallotObjectionBody = lazy(() => z.strictObject({ text: z.string().check(z.trim(), z.minLength(5), z.maxLength(2000)) }));
export const BallotObjectionResponseBody = lazy(() => z.strictObject({ text: z.string().check(z.trim(), z.minLength(2), z.maxLength(2000)) }));
