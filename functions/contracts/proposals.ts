import { z } from 'zod';
import { Cursor, Fen, PageLimit, Slug, Timestamp, Ulid, UserId } from './common.js';

export const ProposalCategory = z.enum([
  'greening', 'seating', 'lighting', 'accessibility', 'play', 'sanitation', 'culture', 'other',
]);
export type ProposalCategory = z.infer<typeof ProposalCategory>;

export const ProposalStatus = z.enum([
  'open', 'under_review', 'accepted', 'rejected', 'in_progress', 'completed', 'withdrawn',
]);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** What staff record when they act for a resident who is offline: whom, and the evidence. */
export const OnBehalf = z.strictObject({
  userId: UserId,
  evidence: z.string().trim().min(3).max(300),
});

/** What a resident sends to propose; the web form validates with this very schema. */
export const CreateProposalBody = z.strictObject({
  title: z.string().trim().min(4).max(120),
  description: z.string().trim().min(10).max(4000),
  category: ProposalCategory,
  location: z.string().trim().min(1).max(200).optional(),
  estimatedCostFen: Fen.optional(),
  /** Staff only: the proposal is the resident's, entered from a paper form. */
  onBehalfOf: OnBehalf.optional(),
});
export type CreateProposalBody = z.input<typeof CreateProposalBody>;

export const Person = z.object({ id: UserId, name: z.string() });
export type Person = z.infer<typeof Person>;

export const ProposalSummary = z.object({
  id: Ulid,
  communityId: Slug,
  title: z.string(),
  category: ProposalCategory,
  location: z.string().nullable(),
  estimatedCostFen: Fen.nullable(),
  status: ProposalStatus,
  supportCount: z.number().int().min(0),
  /** Backing that moves an open proposal to review, fixed when it was proposed. */
  supportThreshold: z.number().int().min(1),
  /** 0–100 once work is in progress. */
  progress: z.number().int().min(0).max(100).nullable(),
  /** Objections to the committee's answer that still wait for a response. */
  openObjections: z.number().int().min(0),
  author: Person,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const FundingSource = z.enum(['government', 'donations', 'community_fund', 'maintenance_fund', 'other']);
export type FundingSource = z.infer<typeof FundingSource>;

const IsoDate = z.iso.date();
export const Plan = z.strictObject({
  costEstimateFen: Fen,
  fundingSources: z.array(FundingSource).min(1).max(5),
  startDate: IsoDate,
  endDate: IsoDate,
}).refine((p) => p.endDate >= p.startDate, { path: ['endDate'], message: 'must not be before startDate' });
export type Plan = z.infer<typeof Plan>;

export const Answer = z.object({
  decision: z.enum(['accepted', 'rejected']),
  /** Why (required for a rejection) or a note with an acceptance. */
  reason: z.string().nullable(),
  plan: Plan.nullable(),
  answeredBy: Person,
  answeredAt: Timestamp,
  /** Residents may object until then (公示期). */
  noticeEndsAt: Timestamp,
  /** The notice period is over and every objection has a response. */
  final: z.boolean(),
});
export type Answer = z.infer<typeof Answer>;

export const Objection = z.object({
  /** One objection per resident per answer: its id is the objector's id. */
  id: UserId,
  by: Person,
  reason: z.string(),
  at: Timestamp,
  response: z.object({ text: z.string(), by: Person, at: Timestamp }).nullable(),
});
export type Objection = z.infer<typeof Objection>;

export const TimelineEventType = z.enum([
  'created', 'review_started', 'threshold_reached', 'answered', 'objection_filed', 'objection_answered',
  'work_started', 'milestone', 'photo', 'completed', 'withdrawn', 'backed_on_behalf', 'hidden', 'restored',
]);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

export const PhotoKind = z.enum(['before', 'after', 'progress']);
export const TimelineEvent = z.object({
  id: Ulid,
  type: TimelineEventType,
  at: Timestamp,
  /** Who did it; for a staff entry, the staff member. */
  actor: Person,
  /** The resident a staff member acted for ("entered by staff for …"). */
  onBehalfOf: Person.nullable(),
  evidence: z.string().nullable(),
  /** Reason, outcome, milestone title, photo caption: the event's words. */
  text: z.string().nullable(),
  /** Milestone date (YYYY-MM-DD). */
  date: IsoDate.nullable(),
  progress: z.number().int().min(0).max(100).nullable(),
  photo: z.object({ id: Ulid, kind: PhotoKind, url: z.string() }).nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Moderation = z.object({ reason: z.string(), by: Person, at: Timestamp });
export type Moderation = z.infer<typeof Moderation>;

export const Proposal = ProposalSummary.extend({
  description: z.string(),
  /** Set when staff entered the proposal for a resident from a paper form. */
  enteredBy: Person.nullable(),
  answer: Answer.nullable(),
  objections: z.array(Objection),
  outcome: z.string().nullable(),
  /** When a moderator hid it, its title and text are withheld and this says why. */
  hidden: Moderation.nullable(),
  timeline: z.array(TimelineEvent),
});
export type Proposal = z.infer<typeof Proposal>;

export const ListProposalsQuery = z.strictObject({
  /** Whose proposals: required, there is no default community. */
  community: Slug,
  status: ProposalStatus.optional(),
  category: ProposalCategory.optional(),
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export type ListProposalsQuery = z.infer<typeof ListProposalsQuery>;

export const ProposalPage = z.object({
  items: z.array(ProposalSummary),
  /** Pass back as `cursor` for the next page; null on the last page. */
  cursor: Cursor.nullable(),
});
export type ProposalPage = z.infer<typeof ProposalPage>;

export const SupportState = z.object({
  proposalId: Ulid,
  supportCount: z.number().int().min(0),
  supported: z.boolean(),
});
export type SupportState = z.infer<typeof SupportState>;

export const Dashboard = z.object({
  /** Under review, most backed first. */
  awaitingAnswer: z.array(ProposalSummary),
  /** Answered proposals with objections that wait for the committee's response. */
  openObjections: z.array(ProposalSummary),
  /** In progress with no update for `stalledAfterDays`. */
  stalled: z.array(ProposalSummary),
  stalledAfterDays: z.number().int(),
});
export type Dashboard = z.infer<typeof Dashboard>;
