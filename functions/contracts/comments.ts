/** Comments on proposals (one level of replies), reports and the moderation queue. */
import * as z from 'zod/mini';
import { Cursor, PageLimit, Slug, Timestamp, Ulid } from './common.js';
import { Moderation, Person } from './proposals.js';
import { lazy } from './lazy.js';

export const CreateCommentBody = lazy(() => z.strictObject({
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  /** Reply to this top-level comment; replies cannot be replied to. */
  parentId: z.optional(Ulid),
}));
export type CreateCommentBody = z.input<typeof CreateCommentBody>;

export const Comment = lazy(() => z.object({
  id: Ulid,
  proposalId: Ulid,
  parentId: z.nullable(Ulid),
  author: Person,
  /** Empty when hidden: the public sees "hidden by a moderator: <reason>" instead. */
  body: z.string(),
  createdAt: Timestamp,
  hidden: z.nullable(Moderation),
}));
export type Comment = z.infer<typeof Comment>;

export const CommentQuery = lazy(() => z.strictObject({ limit: PageLimit, cursor: z.optional(Cursor) }));
export const CommentPage = lazy(() => z.object({ items: z.array(Comment), cursor: z.nullable(Cursor) }));
export type CommentPage = z.infer<typeof CommentPage>;
export const CommentParams = lazy(() => z.strictObject({ id: Ulid, commentId: Ulid }));

export const ReportBody = lazy(() => z.strictObject({ reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(500)) }));
export const ReportReceipt = lazy(() => z.object({ reported: z.literal(true), reportCount: z.int().check(z.gte(1)) }));

export const ModerationTarget = lazy(() => z.object({
  kind: z.enum(['proposal', 'comment']),
  proposalId: Ulid,
  commentId: z.nullable(Ulid),
}));
export type ModerationTarget = z.infer<typeof ModerationTarget>;

export const ModerationItem = lazy(() => z.object({
  target: ModerationTarget,
  /** What was reported, as it read when first reported. */
  excerpt: z.string(),
  author: Person,
  reports: z.array(z.object({ by: Person, reason: z.string(), at: Timestamp })),
  firstReportedAt: Timestamp,
}));
export type ModerationItem = z.infer<typeof ModerationItem>;
export const ModerationQueue = lazy(() => z.object({ items: z.array(ModerationItem) }));

export const ModerationDecisionBody = lazy(() => z.strictObject({
  proposalId: Ulid,
  commentId: z.optional(Ulid),
  /** hide: withhold it from the public with a reason; keep: dismiss the reports; restore: undo a hide. */
  action: z.enum(['hide', 'keep', 'restore']),
  reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(500)),
}));
export const ModerationOutcome = lazy(() => z.object({ target: ModerationTarget, hidden: z.boolean(), resolvedReports: z.int().check(z.gte(0)) }));

/** Which community's dashboard or queue: one the caller is staff or committee of; without it, the caller's own. */
export const DashboardQuery = lazy(() => z.strictObject({ community: z.optional(Slug) }));
