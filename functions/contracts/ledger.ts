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
import { z } from 'zod';
import { Cursor, Fen, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';

/** A positive amount in fen (1 fen to 100 million yuan). */
export const PositiveFen = z.number().int().min(1).max(10_000_000_000);
const Text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const Quantity = z.number().int().min(1).max(1_000_000);

export const Channel = z.enum(['cash', 'bank_transfer', 'wechat_pay']);
export type Channel = z.infer<typeof Channel>;
export const Visibility = z.enum(['public', 'anonymous']);
export type Visibility = z.infer<typeof Visibility>;
export const DonorType = z.enum(['person', 'organisation']);
export type DonorType = z.infer<typeof DonorType>;
export const EntryKind = z.enum([
  'project', 'money_gift', 'in_kind_gift', 'confirmation', 'government_allocation', 'expense', 'in_kind_use',
  'volunteer_hours', 'reversal',
]);
export type EntryKind = z.infer<typeof EntryKind>;
/** Gifts start `pledged` and become `confirmed`; every other entry is `recorded`; any entry a reversal undid is `reversed`. */
export const EntryStatus = z.enum(['pledged', 'confirmed', 'recorded', 'reversed']);
export type EntryStatus = z.infer<typeof EntryStatus>;

/** Staff only: a gift from someone offline or an organisation, with the evidence (receipt book number, photo…). */
export const OnBehalfOf = z.strictObject({
  name: Text(80),
  donorType: DonorType.default('person'),
  /** When the donor has an account. */
  userId: UserId.optional(),
  evidence: Text(300, 3),
});

const GiftCommon = {
  /** The project the gift is for; absent or null: the community's general fund. */
  projectId: Ulid.nullable().optional(),
  visibility: Visibility.default('public'),
  onBehalfOf: OnBehalfOf.optional(),
  /** A short public message from the donor. */
  message: Text(200).optional(),
  /** The community whose ledger records the gift; without it, the donor's own (400 `community_required` if they have none). */
  communityId: Slug.optional(),
};
export const MoneyDonationBody = z.strictObject({
  type: z.literal('money'),
  amountFen: PositiveFen,
  currency: z.literal('CNY'),
  channel: Channel,
  /** Bank or WeChat Pay transaction reference; recorded only, no payment is processed. */
  reference: Text(100).optional(),
  ...GiftCommon,
});
export const InKindDonationBody = z.strictObject({
  type: z.literal('in_kind'),
  item: Text(80),
  quantity: Quantity,
  unit: Text(20),
  estimatedValueFen: Fen,
  ...GiftCommon,
});
export const DonationBody = z.discriminatedUnion('type', [MoneyDonationBody, InKindDonationBody]);
export type DonationBody = z.input<typeof DonationBody>;

export const ConfirmBody = z.strictObject({ note: Text(300).optional() });
export const ExpenseBody = z.strictObject({
  amountFen: PositiveFen,
  payee: Text(120),
  purpose: Text(300),
  /** The uploaded receipt photo's media key, or the paper receipt's number: at least one. */
  receiptPhotoKey: Text(300).optional(),
  receiptNumber: Text(60).optional(),
}).refine((b) => b.receiptPhotoKey !== undefined || b.receiptNumber !== undefined,
  { path: ['receiptNumber'], message: 'give a receipt number or a receipt photo' });
export type ExpenseBody = z.input<typeof ExpenseBody>;
/** e.g. "10 tents used at the gate": taken from the project's confirmed in-kind stock of that item and unit. */
export const InKindUseBody = z.strictObject({ item: Text(80), quantity: Quantity, unit: Text(20), purpose: Text(300) });
export const VolunteerHoursBody = z.strictObject({
  minutes: z.number().int().min(1).max(100_000),
  /** How many volunteers the minutes are the total of. */
  volunteers: z.number().int().min(1).max(1000).default(1),
  description: Text(300),
  workedOn: z.iso.date(),
});
export const AllocationBody = z.strictObject({
  /** Absent or null: the general fund. */
  projectId: Ulid.nullable().optional(),
  amountFen: PositiveFen,
  /** Which government body, e.g. "莫愁湖街道". */
  source: Text(120),
  /** The allocation's document number. */
  reference: Text(100).optional(),
});
export const ReversalBody = z.strictObject({ reason: Text(300, 3) });
export const CreateProjectBody = z.strictObject({
  title: Text(120, 2),
  description: Text(2000).optional(),
  budgetFen: Fen,
  /** An accepted (or in progress / completed) proposal this project carries out. */
  proposalId: Ulid.optional(),
});
export type CreateProjectBody = z.input<typeof CreateProjectBody>;

const Person = z.object({ id: UserId, name: z.string() });
/** The donor as the public sees them: an anonymous donor's name is null (and no user id is ever public). */
export const PublicDonor = z.object({ name: z.string().nullable(), donorType: DonorType });
/** Staff, committee and the donor themself see who gave. */
export const FullDonor = z.object({
  name: z.string(), donorType: DonorType, userId: UserId.nullable(), evidence: z.string().nullable(),
});

const EntryBase = {
  id: Ulid,
  /** 1, 2, 3… in the community's chain, no gaps. */
  position: z.number().int().min(1),
  communityId: Slug,
  recordedAt: Timestamp,
  /** null: the general fund (and for the project entry itself, its own id). */
  projectId: Ulid.nullable(),
  /** Who recorded it when that was staff or the committee; null when donors recorded their own gift. */
  enteredBy: Person.nullable(),
  status: EntryStatus,
  /** The reversal entry that undid this one. */
  reversedBy: Ulid.nullable(),
  /** For gifts: the confirmation entry. */
  confirmedBy: Ulid.nullable(),
  /** SHA-256 (hex) of the previous entry; 64 zeros for position 1. */
  prevHash: z.string(),
  hash: z.string(),
};
const kinds = <D extends z.ZodType>(donor: D) => [
  z.object({ ...EntryBase, kind: z.literal('project'), title: z.string(), description: z.string(), budgetFen: z.number().int(), proposalId: Ulid.nullable() }),
  z.object({
    ...EntryBase, kind: z.literal('money_gift'), amountFen: z.number().int(), currency: z.literal('CNY'), channel: Channel,
    reference: z.string().nullable(), visibility: Visibility, donor, message: z.string().nullable(),
  }),
  z.object({
    ...EntryBase, kind: z.literal('in_kind_gift'), item: z.string(), quantity: z.number().int(), unit: z.string(),
    estimatedValueFen: z.number().int(), visibility: Visibility, donor, message: z.string().nullable(),
  }),
  z.object({ ...EntryBase, kind: z.literal('confirmation'), confirms: Ulid, note: z.string().nullable() }),
  z.object({ ...EntryBase, kind: z.literal('government_allocation'), amountFen: z.number().int(), source: z.string(), reference: z.string().nullable() }),
  z.object({
    ...EntryBase, kind: z.literal('expense'), amountFen: z.number().int(), payee: z.string(), purpose: z.string(),
    receiptPhotoKey: z.string().nullable(), receiptNumber: z.string().nullable(),
  }),
  z.object({ ...EntryBase, kind: z.literal('in_kind_use'), item: z.string(), quantity: z.number().int(), unit: z.string(), purpose: z.string() }),
  z.object({ ...EntryBase, kind: z.literal('volunteer_hours'), minutes: z.number().int(), volunteers: z.number().int(), description: z.string(), workedOn: z.iso.date() }),
  z.object({ ...EntryBase, kind: z.literal('reversal'), reverses: Ulid, reason: z.string() }),
] as const;
/** An entry as anyone may see it. */
export const LedgerEntry = z.discriminatedUnion('kind', kinds(PublicDonor));
export type LedgerEntry = z.infer<typeof LedgerEntry>;
/** An entry as staff, committee or the donor see it (gifts carry the full donor). */
export const LedgerEntryFull = z.discriminatedUnion('kind', kinds(FullDonor));
export type LedgerEntryFull = z.infer<typeof LedgerEntryFull>;

/** Money and goods for one project, the general fund, or the whole community. */
export const Funding = z.object({
  /** The project's budget; null for the general fund and community totals. */
  budgetFen: z.number().int().nullable(),
  /** Raised by source (confirmed or, for government and hours, recorded). */
  governmentFen: z.number().int(),
  donationsFen: z.number().int(),
  inKindFen: z.number().int(),
  volunteerMinutes: z.number().int(),
  /** Promised but not yet counted or received. */
  pledgedFen: z.number().int(),
  inKindPledgedFen: z.number().int(),
  spentFen: z.number().int(),
  /** governmentFen + donationsFen − spentFen (may be negative when the committee fronted money). */
  balanceFen: z.number().int(),
  /** Confirmed goods by item: received, used, left. */
  stock: z.array(z.object({ item: z.string(), unit: z.string(), received: z.number().int(), used: z.number().int(), left: z.number().int() })),
});
export type Funding = z.infer<typeof Funding>;

export const Project = z.object({
  id: Ulid, communityId: Slug, title: z.string(), description: z.string(), budgetFen: z.number().int(),
  proposalId: Ulid.nullable(), createdAt: Timestamp, createdBy: Person, funding: Funding,
});
export type Project = z.infer<typeof Project>;
/** Whose ledger: the public reads name the community (required: there is no default). */
export const CommunityQuery = z.strictObject({ community: Slug });
/** Signed-in reads: the caller's own community unless named (someone who belongs to none must name it). */
export const MyCommunityQuery = z.strictObject({ community: Slug.optional() });
export const ProjectList = z.object({ items: z.array(Project) });
export const LedgerSummary = z.object({
  communityId: Slug,
  /** Entries in the chain and the hash of the last one. */
  length: z.number().int().min(0),
  headHash: z.string(),
  totals: Funding,
  generalFund: Funding,
  projects: z.array(Project),
});
export type LedgerSummary = z.infer<typeof LedgerSummary>;

/** `projectId=general` lists the general fund's entries. */
export const ListLedgerQuery = z.strictObject({
  community: Slug,
  projectId: z.union([Ulid, z.literal('general')]).optional(),
  kind: EntryKind.optional(),
  status: EntryStatus.optional(),
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export const LedgerPage = z.object({ items: z.array(LedgerEntry), cursor: Cursor.nullable() });
export type LedgerPage = z.infer<typeof LedgerPage>;
export const ListDonationsQuery = z.strictObject({
  community: Slug.optional(),
  projectId: z.union([Ulid, z.literal('general')]).optional(),
  status: z.enum(['pledged', 'confirmed', 'reversed']).optional(),
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export const DonationPage = z.object({ items: z.array(LedgerEntryFull), cursor: Cursor.nullable() });
export type DonationPage = z.infer<typeof DonationPage>;
export const MyDonations = z.object({ items: z.array(LedgerEntryFull) });

export const Verification = z.object({
  communityId: Slug,
  ok: z.boolean(),
  length: z.number().int().min(0),
  headHash: z.string(),
  /** The first position whose entry does not match its hash, its predecessor's hash or its place; null when ok. */
  firstBroken: z.object({ position: z.number().int().min(1), reason: z.string() }).nullable(),
  checkedAt: Timestamp,
});
export type Verification = z.infer<typeof Verification>;

/**
 * The open-data export: each entry exactly as it was hashed (public fields only; an anonymous donor's
 * name is null and a private part is represented by its SHA-256 `commitment`), plus `hash`.
 * `hash` = SHA-256 (hex) of the canonical JSON of the entry without `hash`: keys sorted by code
 * unit, no whitespace, integers only.
 */
export const ChainEntry = z.looseObject({
  position: z.number().int().min(1), id: Ulid, kind: EntryKind, prevHash: z.string(), hash: z.string(),
});
export type ChainEntry = z.infer<typeof ChainEntry>;
export const LedgerExport = z.object({
  communityId: Slug,
  algorithm: z.literal('sha256-canonical-json-v1'),
  exportedAt: Timestamp,
  length: z.number().int().min(0),
  headHash: z.string(),
  entries: z.array(ChainEntry),
});
export type LedgerExport = z.infer<typeof LedgerExport>;
export const LedgerCsv = z.string();
