import * as z from 'zod/mini';
import { lazy } from './lazy.js';

/** ULIDs: 26 Crockford base-32 characters. A malformed id is a 400, an unknown one a 404. */
export const Ulid = lazy(() => z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID')));
/** User ids: Cognito subs on AWS, demo ids such as `resident1` locally. */
export const UserId = lazy(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a user id')));
/** Short lower-case slugs name communities, estates, spaces. */
export const Slug = lazy(() => z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'must be a slug')));
/**
 * An estate's id carries its community: `<community>.<estate>` (e.g. `chating.dongyuan`), so two
 * communities may both have an estate called `dongyuan` and every key built from it names the community.
 */
export const EstateId = lazy(() => z.string().check(z.regex(/^[a-z0-9-]{1,40}\.[a-z0-9-]{1,40}$/, 'must be an estate id (community.estate)')));
/** A household (one flat): `<community>.<estate>.<unit>`, the unit made from its building and room. */
export const HouseholdId = lazy(() => z.string().check(z.regex(/^[a-z0-9-]{1,40}\.[a-z0-9-]{1,40}\.[A-Za-z0-9_-]{1,40}$/, 'must be a household id')));
/** The community an estate or household id belongs to. */
export const communityOfId = (id: string): string => id.slice(0, id.indexOf('.'));
/** The estate a household id belongs to. */
export const estateOfHousehold = (id: string): string => id.slice(0, id.lastIndexOf('.'));
/** Times are ISO-8601 in UTC; the web shows them in Asia/Shanghai. */
export const Timestamp = lazy(() => z.iso.datetime());
/** Money is integer fen (分); 100 fen = 1 yuan. */
export const Fen = lazy(() => z.int().check(z.gte(0), z.lte(10_000_000_000)));

/** Opaque page cursor; its content is checked on the server, a forged one is a 400. */
export const Cursor = lazy(() => z.string().check(z.minLength(1), z.maxLength(1024)));
export const PageLimit = lazy(() => z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20));

export const ErrorIssue = lazy(() => z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
}));
export const ErrorBody = lazy(() => z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(ErrorIssue)),
  }),
}));
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IdParams = lazy(() => z.strictObject({ id: Ulid }));
export const NoQuery = lazy(() => z.strictObject({}));
