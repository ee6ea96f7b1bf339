/**
 * The donations ledger: gifts of money and in kind, government allocations, expenses, in-kind use
 * and volunteer hours, per project, on one append-only hash chain per community.
 *
 * Endpoints (all writes answer 201 with the new entry as its recorder sees it, `LedgerEntryFull`):
 * - `POST /api/donations` (user; `Idempotency-Key` header required, 400 without): record a gift of
 *   money or in kind for a project or the general fund; staff may record for an offline or
 *   organisation donor (`onBehalfOf`). Replaying a key returns the first response; the same key with
 *   another body is a 409 `idempotency_key_reused`.
 * - `GET /api/donations` (user; staff and committee): gifts with donor details, pledges and confirmed
 *   apart (`status` filter). `GET /api/donations/{id}` (the donor or staff/committee): one gift with
 *   the donor's name, for the printable receipt. `GET /api/me/donations`: the caller's own gifts.
 * - `POST /api/donations/{id}/confirmation` (staff): money counted or goods received.
 * - `POST /api/projects` (committee or staff): a fundable project with a budget, optionally
 *   linked to an accepted proposal. `GET /api/projects`, `GET /api/projects/{id}` (public): budget,
 *   raised by source, spent, balance, in-kind stock.
 * - `POST /api/projects/{id}/expenses`, `/in-kind-uses`, `/volunteer-hours` (committee or staff),
 *   `POST /api/allocations` (government money; committee or staff; a project or the general fund).
 * - `POST /api/ledger/entries/{id}/reversal` (committee or staff): a correction is a new entry
 *   reversing an old one; nothing is ever edited.
 * - `GET /api/ledger` (public; cursor pages, newest first, filter by project, kind, status),
 *   `GET /api/ledger/summary` (public; totals by source, per project and the general fund),
 *   `GET /api/ledger/entries/{id}` (public; what a receipt's QR code opens),
 *   `GET /api/ledger/verify` (public; recomputes the chain: `ok` or the first broken position),
 *   `GET /api/ledger/export.json` and `GET /api/ledger/export.csv` (public open data; the JSON is what
 *   `npm run ledger:verify -- <file>` checks offline).
 *
 * Every public read names its community (`?community=<slug>`, required; 400 without). A gift goes to the
 * ledger of the community the body names (`communityId`), else the donor's own; the other writes and
 * the signed-in reads act on the caller's community.
 *
 * Every public shape leaves out an anonymous donor's name, user id and transaction reference; donors' user ids and the
 * evidence of gifts recorded on behalf are shown only to staff, committee and the donor.
 * Money is integer fen; volunteer time is integer minutes.
 */
import * as z from 'zod/mini';
import { Cursor, Fen, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';
import { lazy } from './lazy.js';

/** A positive amount in fen (1 fen to 100 million yuan). */
export const PositiveFen = lazy(() => z.int().check(z.gte(1), z.lte(10_000_000_000)));
const Text = (max: number, min = 1) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
const Quantity = lazy(() => z.int().check(z.gte(1), z.lte(1_000_000)));

export const Channel = lazy(() => z.enum(['cash', 'bank_transfer', 'wechat_pay']));
export type Channel = z.infer<typeof Channel>;
export const Visibility = lazy(() => z.enum(['public', 'anonymous']));
export type Visibility = z.infer<typeof Visibility>;
export const DonorType = lazy(() => z.enum(['person', 'organisation']));
export type DonorType = z.infer<typeof DonorType>;
export const EntryKind = lazy(() => z.enum([
  'project', 'money_gift', 'in_kind_gift', 'confirmation', 'government_allocation', 'expense', 'in_kind_use',
  'volunteer_hours', 'reversal',
]));
export type EntryKind = z.infer<typeof EntryKind>;
/** Gifts start `pledged` and become `confirmed`; every other entry is `recorded`; any entry a reversal undid is `reversed`. */
export const EntryStatus = lazy(() => z.enum(['pledged', 'confirmed', 'recorded', 'reversed']));
export type EntryStatus = z.infer<typeof EntryStatus>;

/** Staff only: a gift from someone offline or an organisation, with the evidence (receipt book number, photo…). */
export const OnBehalfOf = lazy(() => z.strictObject({
  name: Text(80),
  donorType: z._default(DonorType, 'person'),
  /** When the donor has an account. */
  userId: z.optional(UserId),
  evidence: Text(300, 3),
}));

const GiftCommon = {
  /** The project the gift is for; absent or null: the community's general fund. */
  projectId: z.optional(z.nullable(Ulid)),
  visibility: z._default(Visibility, 'public'),
  onBehalfOf: z.optional(OnBehalfOf),
  /** A short public message from the donor. */
  message: z.optional(Text(200)),
  /** The community whose ledger records the gift; without it, the donor's own (400 `community_required` if they have none). */
  communityId: z.optional(Slug),
};
export const MoneyDonationBody = lazy(() => z.strictObject({
  type: z.literal('money'),
  amountFen: PositiveFen,
  currency: z.literal('CNY'),
  channel: Channel,
  /** Bank or WeChat Pay transaction reference; recorded only, no payment is processed. */
  reference: z.optional(Text(100)),
  ...GiftCommon,
}));
export const InKindDonationBody = lazy(() => z.strictObject({
  type: z.literal('in_kind'),
  item: Text(80),
  quantity: Quantity,
  unit: Text(20),
  estimatedValueFen: Fen,
  ...GiftCommon,
}));
export const DonationBody = lazy(() => z.discriminatedUnion('type', [MoneyDonationBody, InKindDonationBody]));
export type DonationBody = z.input<typeof DonationBody>;

export const ConfirmBody = lazy(() => z.strictObject({ note: z.optional(Text(300)) }));
export const ExpenseBody = lazy(() => z.strictObject({
  amountFen: PositiveFen,
  payee: Text(120),
  purpose: Text(300),
  /** The uploaded receipt photo's media key, or the paper receipt's number: at least one. */
  receiptPhotoKey: z.optional(Text(300)),
  receiptNumber: z.optional(Text(60)),
}).check(z.refine((b) => b.receiptPhotoKey !== undefined || b.receiptNumber !== undefined, { path: ['receiptNumber'], message: 'give a receipt number or a receipt photo' })));
export type ExpenseBody = z.input<typeof ExpenseBody>;
/** e.g. "10 tents used at the gate": taken from the project's confirmed in-kind stock of that item and unit. */
export const InKindUseBody = lazy(() => z.strictObject({ item: Text(80), quantity: Quantity, unit: Text(20), purpose: Text(300) }));
export const VolunteerHoursBody = lazy(() => z.strictObject({
  minutes: z.int().check(z.gte(1), z.lte(100_000)),
  /** How many volunteers the minutes are the total of. */
  volunteers: z._default(z.int().check(z.gte(1), z.lte(1000)), 1),
  description: Text(300),
  workedOn: z.iso.date(),
}));
export const AllocationBody = lazy(() => z.strictObject({
  /** Absent or null: the general fund. */
  projectId: z.optional(z.nullable(Ulid)),
  amountFen: PositiveFen,
  /** Which government body, e.g. "莫愁湖街道". */
  source: Text(120),
  /** The allocation's document number. */
  reference: z.optional(Text(100)),
}));
export const ReversalBody = lazy(() => z.strictObject({ reason: Text(300, 3) }));
export const CreateProjectBody = lazy(() => z.strictObject({
  title: Text(120, 2),
  description: z.optional(Text(2000)),
  budgetFen: Fen,
  /** An accepted (or in progress / completed) proposal this project carries out. */
  proposalId: z.optional(Ulid),
}));
export type CreateProjectBody = z.input<typeof CreateProjectBody>;

const Person = lazy(() => z.object({ id: UserId, name: z.string() }));
/** The donor as the public sees them: an anonymous donor's name is null (and no user id is ever public). */
export const PublicDonor = lazy(() => z.object({ name: z.nullable(z.string()), donorType: DonorType }));
/** Staff, committee and the donor themself see who gave. */
export const FullDonor = lazy(() => z.object({
  name: z.string(), donorType: DonorType, userId: z.nullable(UserId), evidence: z.nullable(z.string()),
}));

const EntryBase = {
  id: Ulid,
  /** 1, 2, 3… in the community's chain, no gaps. */
  position: z.int().check(z.gte(1)),
  communityId: Slug,
  recordedAt: Timestamp,
  /** null: the general fund (and for the project entry itself, its own id). */
  projectId: z.nullable(Ulid),
  /** Who recorded it when that was staff or the committee; null when donors recorded their own gift. */
  enteredBy: z.nullable(Person),
  status: EntryStatus,
  /** The reversal entry that undid this one. */
  reversedBy: z.nullable(Ulid),
  /** For gifts: the confirmation entry. */
  confirmedBy: z.nullable(Ulid),
  /** SHA-256 (hex) of the previous entry; 64 zeros for position 1. */
  prevHash: z.string(),
  hash: z.string(),
};
const kinds = <D extends z.ZodMiniType>(donor: D) => [
  z.object({ ...EntryBase, kind: z.literal('project'), title: z.string(), description: z.string(), budgetFen: z.int(), proposalId: z.nullable(Ulid) }),
  z.object({
    ...EntryBase, kind: z.literal('money_gift'), amountFen: z.int(), currency: z.literal('CNY'), channel: Channel,
    reference: z.nullable(z.string()), visibility: Visibility, donor, message: z.nullable(z.string()),
  }),
  z.object({
    ...EntryBase, kind: z.literal('in_kind_gift'), item: z.string(), quantity: z.int(), unit: z.string(),
    estimatedValueFen: z.int(), visibility: Visibility, donor, message: z.nullable(z.string()),
  }),
  z.object({ ...EntryBase, kind: z.literal('confirmation'), confirms: Ulid, note: z.nullable(z.string()) }),
  z.object({ ...EntryBase, kind: z.literal('government_allocation'), amountFen: z.int(), source: z.string(), reference: z.nullable(z.string()) }),
  z.object({
    ...EntryBase, kind: z.literal('expense'), amountFen: z.int(), payee: z.string(), purpose: z.string(),
    receiptPhotoKey: z.nullable(z.string()), receiptNumber: z.nullable(z.string()),
  }),
  z.object({ ...EntryBase, kind: z.literal('in_kind_use'), item: z.string(), quantity: z.int(), unit: z.string(), purpose: z.string() }),
  z.object({ ...EntryBase, kind: z.literal('volunteer_hours'), minutes: z.int(), volunteers: z.int(), description: z.string(), workedOn: z.iso.date() }),
  z.object({ ...EntryBase, kind: z.literal('reversal'), reverses: Ulid, reason: z.string() }),
] as const;
/** An entry as anyone may see it. */
export const LedgerEntry = lazy(() => z.discriminatedUnion('kind', kinds(PublicDonor)));
export type LedgerEntry = z.infer<typeof LedgerEntry>;
/** An entry as staff, committee or the donor see it (gifts carry the full donor). */
export const LedgerEntryFull = lazy(() => z.discriminatedUnion('kind', kinds(FullDonor)));
export type LedgerEntryFull = z.infer<typeof LedgerEntryFull>;

/** Money and goods for one project, the general fund, or the whole community. */
export const Funding = lazy(() => z.object({
  /** The project's budget; null for the general fund and community totals. */
  budgetFen: z.nullable(z.int()),
  /** Raised by source (confirmed or, for government and hours, recorded). */
  governmentFen: z.int(),
  donationsFen: z.int(),
  inKindFen: z.int(),
  volunteerMinutes: z.int(),
  /** Promised but not yet counted or received. */
  pledgedFen: z.int(),
  inKindPledgedFen: z.int(),
  spentFen: z.int(),
  /** governmentFen + donationsFen − spentFen (may be negative when the committee fronted money). */
  balanceFen: z.int(),
  /** Confirmed goods by item: received, used, left. */
  stock: z.array(z.object({ item: z.string(), unit: z.string(), received: z.int(), used: z.int(), left: z.int() })),
}));
export type Funding = z.infer<typeof Funding>;

export const Project = lazy(() => z.object({
  id: Ulid, communityId: Slug, title: z.string(), description: z.string(), budgetFen: z.int(),
  proposalId: z.nullable(Ulid), createdAt: Timestamp, createdBy: Person, funding: Funding,
}));
export type Project = z.infer<typeof Project>;
/** Whose ledger: the public reads name the community (required: there is no default). */
export const CommunityQuery = lazy(() => z.strictObject({ community: Slug }));
/** Signed-in reads: the caller's own community unless named (someone who belongs to none must name it). */
export const MyCommunityQuery = lazy(() => z.strictObject({ community: z.optional(Slug) }));
export const ProjectList = lazy(() => z.object({ items: z.array(Project) }));
export const LedgerSummary = lazy(() => z.object({
  communityId: Slug,
  /** Entries in the chain and the hash of the last one. */
  length: z.int().check(z.gte(0)),
  headHash: z.string(),
  totals: Funding,
  generalFund: Funding,
  projects: z.array(Project),
}));
export type LedgerSummary = z.infer<typeof LedgerSummary>;

/**
 * `through=N`: the ledger's first N entries only. Entries never change once written, so that answer
 * never changes either and the edge keeps it (edge-cache.ts); the ledger page links to the export
 * through the length it shows, so the link itself changes with the next entry.
 */
export const LedgerExportQuery = lazy(() => z.strictObject({
  community: Slug,
  through: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000_000))),
}));

/** `projectId=general` lists the general fund's entries. */
export const ListLedgerQuery = lazy(() => z.strictObject({
  community: Slug,
  projectId: z.optional(z.union([Ulid, z.literal('general')])),
  kind: z.optional(EntryKind),
  status: z.optional(EntryStatus),
  limit: PageLimit,
  cursor: z.optional(Cursor),
}));
export const LedgerPage = lazy(() => z.object({ items: z.array(LedgerEntry), cursor: z.nullable(Cursor) }));
export type LedgerPage = z.infer<typeof LedgerPage>;
export const ListDonationsQuery = lazy(() => z.strictObject({
  community: z.optional(Slug),
  projectId: z.optional(z.union([Ulid, z.literal('general')])),
  status: z.optional(z.enum(['pledged', 'confirmed', 'reversed'])),
  limit: PageLimit,
  cursor: z.optional(Cursor),
}));
export const DonationPage = lazy(() => z.object({ items: z.array(LedgerEntryFull), cursor: z.nullable(Cursor) }));
export type DonationPage = z.infer<typeof DonationPage>;
export const MyDonations = lazy(() => z.object({ items: z.array(LedgerEntryFull) }));

export const Verification = lazy(() => z.object({
  communityId: Slug,
  ok: z.boolean(),
  length: z.int().check(z.gte(0)),
  headHash: z.string(),
  /** The first position whose entry does not match its hash, its predecessor's hash or its place; null when ok. */
  firstBroken: z.nullable(z.object({ position: z.int().check(z.gte(1)), reason: z.string() })),
  checkedAt: Timestamp,
}));
export type Verification = z.infer<typeof Verification>;

/**
 * The open-data export: each entry exactly as it was hashed (public fields only; an anonymous donor's
 * name is null and a private part is represented by its SHA-256 `commitment`), plus `hash`.
 * `hash` = SHA-256 (hex) of the canonical JSON of the entry without `hash`: keys sorted by code
 * unit, no whitespace, integers only.
 */
export const ChainEntry = lazy(() => z.looseObject({
  position: z.int().check(z.gte(1)), id: Ulid, kind: EntryKind, prevHash: z.string(), hash: z.string(),
}));
export type ChainEntry = z.infer<typeof ChainEntry>;
export const LedgerExport = lazy(() => z.object({
  communityId: Slug,
  algorithm: z.literal('sha256-canonical-json-v1'),
  exportedAt: Timestamp,
  length: z.int().check(z.gte(0)),
  headHash: z.string(),
  entries: z.array(ChainEntry),
}));
export type LedgerExport = z.infer<typeof LedgerExport>;
export const LedgerCsv = lazy(() => z.string());
