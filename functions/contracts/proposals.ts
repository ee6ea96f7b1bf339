import * as z from 'zod/mini';
import { Cursor, Fen, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';
import { lazy } from './lazy.js';

export const ProposalCategory = lazy(() => z.enum([
  'greening', 'seating', 'lighting', 'accessibility', 'play', 'sanitation', 'culture', 'other',
]));
export type ProposalCategory = z.infer<typeof ProposalCategory>;

export const ProposalStatus = lazy(() => z.enum([
  'open', 'under_review', 'accepted', 'rejected', 'in_progress', 'completed', 'withdrawn',
]));
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** What staff record when they act for a resident who is offline: whom, and the evidence. */
export const OnBehalf = lazy(() => z.strictObject({
  userId: UserId,
  evidence: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
}));

/** What a resident sends to propose; the web form validates with this very schema. */
export const CreateProposalBody = lazy(() => z.strictObject({
  title: z.string().check(z.trim(), z.minLength(4), z.maxLength(120)),
  description: z.string().check(z.trim(), z.minLength(10), z.maxLength(4000)),
  category: ProposalCategory,
  location: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  estimatedCostFen: z.optional(Fen),
  /** Staff only: the proposal is the resident's, entered from a paper form. */
  onBehalfOf: z.optional(OnBehalf),
}));
export type CreateProposalBody = z.input<typeof CreateProposalBody>;

export const Person = lazy(() => z.object({ id: UserId, name: z.string() }));
export type Person = z.infer<typeof Person>;

export const ProposalSummary = lazy(() => z.object({
  id: Ulid,
  communityId: Slug,
  title: z.string(),
  category: ProposalCategory,
  location: z.nullable(z.string()),
  estimatedCostFen: z.nullable(Fen),
  status: ProposalStatus,
  supportCount: z.int().check(z.gte(0)),
  /** Backing that moves an open proposal to review, fixed when it was proposed. */
  supportThreshold: z.int().check(z.gte(1)),
  /** 0–100 once work is in progress. */
  progress: z.nullable(z.int().check(z.gte(0), z.lte(100))),
  /** Objections to the committee's answer that still wait for a response. */
  openObjections: z.int().check(z.gte(0)),
  author: Person,
  createdAt: Timestamp,
  updatedAt: Timestamp,
}));
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const FundingSource = lazy(() => z.enum(['government', 'donations', 'community_fund', 'maintenance_fund', 'other']));
export type FundingSource = z.infer<typeof FundingSource>;

const IsoDate = lazy(() => z.iso.date());
export const Plan = lazy(() => z.strictObject({
  costEstimateFen: Fen,
  fundingSources: z.array(FundingSource).check(z.minLength(1), z.maxLength(5)),
  startDate: IsoDate,
  endDate: IsoDate,
}).check(z.refine((p) => p.endDate >= p.startDate, { path: ['endDate'], message: 'must not be before startDate' })));
export type Plan = z.infer<typeof Plan>;

export const Answer = lazy(() => z.object({
  decision: z.enum(['accepted', 'rejected']),
  /** Why (required for a rejection) or a note with an acceptance. */
  reason: z.nullable(z.string()),
  plan: z.nullable(Plan),
  answeredBy: Person,
  answeredAt: Timestamp,
  /** Residents may object until then (公示期). */
  noticeEndsAt: Timestamp,
  /** The notice period is over and every objection has a response. */
  final: z.boolean(),
}));
export type Answer = z.infer<typeof Answer>;

export const Objection = lazy(() => z.object({
  /** One objection per resident per answer: its id is the objector's id. */
  id: UserId,
  by: Person,
  reason: z.string(),
  at: Timestamp,
  response: z.nullable(z.object({ text: z.string(), by: Person, at: Timestamp })),
}));
export type Objection = z.infer<typeof Objection>;

export const TimelineEventType = lazy(() => z.enum([
  'created', 'review_started', 'threshold_reached', 'answered', 'objection_filed', 'objection_answered',
  'work_started', 'milestone', 'photo', 'completed', 'withdrawn', 'backed_on_behalf', 'hidden', 'restored',
]));
export type TimelineEventType = z.infer<typeof TimelineEventType>;

export const PhotoKind = lazy(() => z.enum(['before', 'after', 'progress']));
export const TimelineEvent = lazy(() => z.object({
  id: Ulid,
  type: TimelineEventType,
  at: Timestamp,
  /** Who did it; for a staff entry, the staff member. */
  actor: Person,
  /** The resident a staff member acted for ("entered by staff for …"). */
  onBehalfOf: z.nullable(Person),
  evidence: z.nullable(z.string()),
  /** Reason, outcome, milestone title, photo caption: the event's words. */
  text: z.nullable(z.string()),
  /** Milestone date (YYYY-MM-DD). */
  date: z.nullable(IsoDate),
  progress: z.nullable(z.int().check(z.gte(0), z.lte(100))),
  photo: z.nullable(z.object({ id: Ulid, kind: PhotoKind, url: z.string() })),
}));
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Moderation = lazy(() => z.object({ reason: z.string(), by: Person, at: Timestamp }));
export type Moderation = z.infer<typeof Moderation>;

export const Proposal = lazy(() => z.extend(ProposalSummary, {
  description: z.string(),
  /** Set when staff entered the proposal for a resident from a paper form. */
  enteredBy: z.nullable(Person),
  answer: z.nullable(Answer),
  objections: z.array(Objection),
  outcome: z.nullable(z.string()),
  /** When a moderator hid it, its title and text are withheld and this says why. */
  hidden: z.nullable(Moderation),
  timeline: z.array(TimelineEvent),
}));
export type Proposal = z.infer<typeof Proposal>;

export const ListProposalsQuery = lazy(() => z.strictObject({
  /** Whose proposals: required, there is no default community. */
  community: Slug,
  status: z.optional(ProposalStatus),
  category: z.optional(ProposalCategory),
  limit: PageLimit,
  cursor: z.optional(Cursor),
}));
export type ListProposalsQuery = z.infer<typeof ListProposalsQuery>;

export const ProposalPage = lazy(() => z.object({
  items: z.array(ProposalSummary),
  /** Pass back as `cursor` for the next page; null on the last page. */
  cursor: z.nullable(Cursor),
}));
export type ProposalPage = z.infer<typeof ProposalPage>;

export const SupportState = lazy(() => z.object({
  proposalId: Ulid,
  supportCount: z.int().check(z.gte(0)),
  supported: z.boolean(),
}));
export type SupportState = z.infer<typeof SupportState>;

export const Dashboard = lazy(() => z.object({
  /** Under review, most backed first. */
  awaitingAnswer: z.array(ProposalSummary),
  /** Answered proposals with objections that wait for the committee's response. */
  openObjections: z.array(ProposalSummary),
  /** In progress with no update for `stalledAfterDays`. */
  stalled: z.array(ProposalSummary),
  stalledAfterDays: z.int(),
}));
export type Dashboard = z.infer<typeof Dashboard>;
