/**
 * The typed client of joining a household and of one's personal data (contracts/joining.ts), and
 * the registry reads those pages need (communities, estates). Contracts are imported as types only;
 * the transport is http.ts.
 */
import type * as z from 'zod/mini';
import type { CommunityList, EstateList } from '$contracts/registry.js';
import type {
  HouseholdCodeBatch, HouseholdCodeList, HouseholdCodeState, HouseholdRequest, HouseholdRequestList, IssueCodesBody,
  HouseholdRequestBody, JoinWithCodeBody, LeftPlatform, MyData,
} from '$contracts/joining.js';
import type { Me } from '$contracts/me.js';
import { call, type Out } from './http.js';

type In<S extends z.ZodMiniType> = z.input<S>;
const seg = encodeURIComponent;

export type CodeBatch = Out<typeof HouseholdCodeBatch>;
export type Left = Out<typeof LeftPlatform>;

/** The version of the personal-information notice the join page shows (sent as `consent.notice`). */
export const NOTICE_VERSION = '2026-12';

/** A code as printed on the letter: XXXX-XXXX-XXXX, whatever dashes, spaces or case it came with. */
export const printedCode = (code: string): string =>
  (code.toUpperCase().replace(/[^0-9A-Z]/g, '').match(/.{1,4}/g) ?? []).join('-');

/** The join page's address for one letter (what its QR code opens). */
export const joinPath = (code: string): string => `/join?code=${seg(code.toUpperCase().replace(/[^0-9A-Z]/g, ''))}`;

export const joiningApi = {
  communities: () => call<Out<typeof CommunityList>>('GET', '/communities', { auth: false }),
  estates: (communityId: string) => call<Out<typeof EstateList>>('GET', `/communities/${seg(communityId)}/estates`, { auth: false }),

  issueCodes: (estateId: string, body: In<typeof IssueCodesBody>) =>
    call<Out<typeof HouseholdCodeBatch>>('POST', `/estates/${seg(estateId)}/household-codes`, { body }),
  listCodes: (estateId: string) => call<Out<typeof HouseholdCodeList>>('GET', `/estates/${seg(estateId)}/household-codes`),
  revokeCode: (id: string) => call<Out<typeof HouseholdCodeState>>('DELETE', `/household-codes/${seg(id)}`),

  join: (body: In<typeof JoinWithCodeBody>) => call<Out<typeof Me>>('POST', '/me/household', { body }),
  leaveHousehold: (householdId: string) => call<Out<typeof Me>>('DELETE', `/me/household/${seg(householdId)}`),
  request: (body: In<typeof HouseholdRequestBody>) => call<Out<typeof HouseholdRequest>>('POST', '/me/household-requests', { body }),
  myRequests: () => call<Out<typeof HouseholdRequestList>>('GET', '/me/household-requests'),

  myData: () => call<Out<typeof MyData>>('GET', '/me/data'),
  leavePlatform: () => call<Out<typeof LeftPlatform>>('DELETE', '/me', { body: { confirm: true } }),
};
