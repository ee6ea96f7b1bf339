/** Comments on proposals (one level of replies), reports and the moderation queue. */
import { z } from 'zod';
import { Cursor, PageLimit, Slug, Timestamp, Ulid } from './common.js';
import { Moderation, Person } from './proposals.js';

export const CreateCommentBody = z.strictObject({
  body: z.string().trim().min(1).max(2000),
  /** Reply to this top-level comment; replies cannot be replied to. */
  parentId: Ulid.optional(),
});
export type CreateCommentBody = z.input<typeof CreateCommentBody>;

export const Comment = z.object({
  id: Ulid,
  proposalId: Ulid,
  parentId: Ulid.nullable(),
  author: Person,
  /** Empty when hidden: the public sees "hidden by a moderator: <reason>" instead. */
  body: z.string(),
  createdAt: Timestamp,
  hidden: Moderation.nullable(),
});
export type Comment = z.infer<typeof Comment>;

export const CommentQuery = z.strictObject({ limit: PageLimit, cursor: Cursor.optional() });
export const CommentPage = z.object({ items: z.array(Comment), cursor: Cursor.nullable() });
export type CommentPage = z.infer<typeof CommentPage>;
export const CommentParams = z.strictObject({ id: Ulid, commentId: Ulid });

export const ReportBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export const ReportReceipt = z.object({ reported: z.literal(true), reportCount: z.number().int().min(1) });

export const ModerationTarget = z.object({
  kind: z.enum(['proposal', 'comment']),
  proposalId: Ulid,
  commentId: Ulid.nullable(),
});
export type ModerationTarget = z.infer<typeof ModerationTarget>;

export const ModerationItem = z.object({
  target: ModerationTarget,
  /** What was reported, as it read when first reported. */
  excerpt: z.string(),
  author: Person,
  reports: z.array(z.object({ by: Person, reason: z.string(), at: Timestamp })),
  firstReportedAt: Timestamp,
});
export type ModerationItem = z.infer<typeof ModerationItem>;
export const ModerationQueue = z.object({ items: z.array(ModerationItem) });

export const ModerationDecisionBody = z.strictObject({
  proposalId: Ulid,
  commentId: Ulid.optional(),
  /** hide: withhold it from the public with a reason; keep: dismiss the reports; restore: undo a hide. */
  action: z.enum(['hide', 'keep', 'restore']),
  reason: z.string().trim().min(3).max(500),
});
export const ModerationOutcome = z.object({ target: ModerationTarget, hidden: z.boolean(), resolvedReports: z.number().int().min(0) });

/** Which community's dashboard or queue: one the caller is staff or committee of; without it, the caller's own. */
export const DashboardQuery = z.strictObject({ community: Slug.optional() });
