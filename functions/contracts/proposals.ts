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

/** What a resident sends to propose; the web form validates with this very schema. */
export const CreateProposalBody = z.strictObject({
  title: z.string().trim().min(4).max(120),
  description: z.string().trim().min(10).max(4000),
  category: ProposalCategory,
  location: z.string().trim().min(1).max(200).optional(),
  estimatedCostFen: Fen.optional(),
});
export type CreateProposalBody = z.input<typeof CreateProposalBody>;

export const Person = z.object({ id: UserId, name: z.string() });

export const ProposalSummary = z.object({
  id: Ulid,
  communityId: Slug,
  title: z.string(),
  category: ProposalCategory,
  location: z.string().nullable(),
  estimatedCostFen: Fen.nullable(),
  status: ProposalStatus,
  supportCount: z.number().int().min(0),
  author: Person,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const Proposal = ProposalSummary.extend({
  description: z.string(),
  /** Set when staff entered the proposal for a resident from a paper form. */
  enteredBy: Person.nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const ListProposalsQuery = z.strictObject({
  community: Slug.optional(),
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
