/** Requests that move a proposal through its life: review, answer, objections, work, completion. */
import * as z from 'zod/mini';
import { OnBehalf, PhotoKind, Plan } from './proposals.js';
import { lazy } from './lazy.js';

const Text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const WithdrawBody = lazy(() => z.strictObject({ reason: z.optional(Text(2, 500)) }));
export const ReviewBody = lazy(() => z.strictObject({ note: z.optional(Text(2, 500)) }));

export const AnswerBody = lazy(() => z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accepted'), plan: Plan, reason: z.optional(Text(2, 2000)) }),
  z.strictObject({ decision: z.literal('rejected'), reason: Text(5, 2000) }),
]));
export type AnswerBody = z.input<typeof AnswerBody>;

export const ObjectionBody = lazy(() => z.strictObject({ reason: Text(5, 1000) }));
export const ObjectionParams = lazy(() => z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)), objectionId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)) }));
export const ObjectionResponseBody = lazy(() => z.strictObject({ response: Text(5, 2000) }));

export const StartWorkBody = lazy(() => z.strictObject({ note: z.optional(Text(2, 500)) }));
export const MilestoneBody = lazy(() => z.strictObject({
  title: Text(2, 200),
  date: z.iso.date(),
  progress: z.optional(z.int().check(z.gte(0), z.lte(100))),
}));
export const CompleteBody = lazy(() => z.strictObject({ outcome: Text(5, 2000) }));

/** Staff back a proposal for a resident from a paper form; the resident's own later backing is the same one. */
export const SupportOnBehalfBody = lazy(() => z.strictObject({ evidence: OnBehalf.shape.evidence }));
export const SupporterParams = lazy(() => z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)), userId: OnBehalf.shape.userId }));

export const PhotoContentType = lazy(() => z.enum(['image/jpeg', 'image/png', 'image/webp']));
/** Photos are resized in the browser before upload; the server refuses anything larger than this. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PhotoUploadBody = lazy(() => z.strictObject({
  contentType: PhotoContentType,
  bytes: z.int().check(z.gte(1), z.lte(MAX_PHOTO_BYTES)),
  kind: PhotoKind,
}));
export const PhotoUpload = lazy(() => z.object({
  photoId: z.string(),
  /** PUT the file here with exactly these headers before the link expires. */
  uploadUrl: z.string(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
}));
export const AddPhotoBody = lazy(() => z.strictObject({
  photoId: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)),
  kind: PhotoKind,
  caption: z.optional(Text(1, 200)),
}));
