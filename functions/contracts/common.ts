import { z } from 'zod';

/** ULIDs: 26 Crockford base-32 characters. A malformed id is a 400, an unknown one a 404. */
export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
/** User ids: Cognito subs on AWS, demo ids such as `resident1` locally. */
export const UserId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a user id');
/** Short lower-case slugs name communities, estates, spaces. */
export const Slug = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a slug');
/**
 * An estate's id carries its community: `<community>.<estate>` (e.g. `chating.dongyuan`), so two
 * communities may both have an estate called `dongyuan` and every key built from it names the community.
 */
export const EstateId = z.string().regex(/^[a-z0-9-]{1,40}\.[a-z0-9-]{1,40}$/, 'must be an estate id (community.estate)');
/** A household (one flat): `<community>.<estate>.<unit>`, the unit made from its building and room. */
export const HouseholdId = z.string().regex(/^[a-z0-9-]{1,40}\.[a-z0-9-]{1,40}\.[A-Za-z0-9_-]{1,40}$/, 'must be a household id');
/** The community an estate or household id belongs to. */
export const communityOfId = (id: string): string => id.slice(0, id.indexOf('.'));
/** The estate a household id belongs to. */
export const estateOfHousehold = (id: string): string => id.slice(0, id.lastIndexOf('.'));
/** Times are ISO-8601 in UTC; the web shows them in Asia/Shanghai. */
export const Timestamp = z.iso.datetime();
/** Money is integer fen (分); 100 fen = 1 yuan. */
export const Fen = z.number().int().min(0).max(10_000_000_000);

/** Opaque page cursor; its content is checked on the server, a forged one is a 400. */
export const Cursor = z.string().min(1).max(1024);
export const PageLimit = z.coerce.number().int().min(1).max(50).default(20);

export const ErrorIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ErrorIssue).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IdParams = z.strictObject({ id: Ulid });
export const NoQuery = z.strictObject({});
