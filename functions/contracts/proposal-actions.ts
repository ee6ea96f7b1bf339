/** Requests that move a proposal through its life: review, answer, objections, work, completion. */
import * as z from 'zod/mini';
import { OnBehalf, PhotoKind, Plan } from './proposals.js';

const Text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const WithdrawBody = z.strictObject({ reason: z.optional(Text(2, 500)) });
export const ReviewBody = z.strictObject({ note: z.optional(Text(2, 500)) });

export const AnswerBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accepted'), plan: Plan, reason: z.optional(Text(2, 2000)) }),
  z.strictObject({ decision: z.literal('rejected'), reason: Text(5, 2000) }),
]);
export type AnswerBody = z.input<typeof AnswerBody>;

export const ObjectionBody = z.strictObject({ reason: Text(5, 1000) });
export const ObjectionParams = z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)), objectionId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)) });
export const ObjectionResponseBody = z.strictObject({ response: Text(5, 2000) });

export const StartWorkBody = z.strictObject({ note: z.optional(Text(2, 500)) });
export const MilestoneBody = z.strictObject({
  title: Text(2, 200),
  date: z.iso.date(),
  progress: z.optional(z.int().check(z.gte(0), z.lte(100))),
});
export const CompleteBody = z.strictObject({ outcome: Text(5, 2000) });

/** Staff back a proposal for a resident from a paper form; the resident's own later backing is the same one. */
export const SupportOnBehalfBody = z.strictObject({ evidence: OnBehalf.shape.evidence });
export const SupporterParams = z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)), userId: OnBehalf.shape.userId });

export const PhotoContentType = z.enum(['image/jpeg', 'image/png', 'image/webp']);
/** Photos are resized in the browser before upload; the server refuses anything larger than this. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PhotoUploadBody = z.strictObject({
  contentType: PhotoContentType,
  bytes: z.int().check(z.gte(1), z.lte(MAX_PHOTO_BYTES)),
  kind: PhotoKind,
});
export const PhotoUpload = z.object({
  photoId: z.string(),
  /** PUT the file here with exactly these headers before the link expires. */
  uploadUrl: z.string(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
});
export const AddPhotoBody = z.strictObject({
  photoId: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)),
  kind: PhotoKind,
  caption: z.optional(Text(1, 200)),
});
