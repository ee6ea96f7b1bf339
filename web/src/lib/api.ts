/**
 * The typed API client of the proposals and activities pages (other areas keep their own, e.g.
 * api-ledger.ts; the transport is http.ts). Contracts are imported as types only, so zod never ships to a resident's
 * phone: the API itself checks every response against its contract before sending it (see
 * functions/shared/http/create-handler.ts). Every failure becomes an ApiError {status, code,
 * message, issues}; status 0 means the network failed.
 */
import type {
  ErrorBody,
} from '$contracts/common.js';
import type {
  DevSession, DevUsers, Me, PutPriorityProfileBody,
} from '$contracts/me.js';
import type {
  Comment, CommentPage, ModerationOutcome, ModerationQueue, ReportReceipt, CreateCommentBody, ModerationDecisionBody, ReportBody,
} from '$contracts/comments.js';
import type {
  PhotoUpload, AddPhotoBody, AnswerBody, CompleteBody, MilestoneBody, ObjectionBody, ObjectionResponseBody, PhotoUploadBody, ReviewBody, StartWorkBody, SupportOnBehalfBody, WithdrawBody,
} from '$contracts/proposal-actions.js';
import type {
  Dashboard, Proposal, ProposalPage, SupportState, CreateProposalBody, ProposalCategory, ProposalStatus,
} from '$contracts/proposals.js';
import type {
  Activity, ActivityPage, AttendanceList, Booking, CalendarFeed, CancelledBooking, MyBookings, Revoked, SeriesResult, SpaceList, AttendanceBody, BookBody, CancelActivityBody, CreateActivityBody, CreateSeriesBody, MoveActivityBody,
} from '$contracts/activities.js';
import type * as z from 'zod/mini';
import { ApiError, apiUrl, call, type Out } from './http.js';

export { ApiError, call, setApiBase, setUnauthorizedHandler, type CallOptions, type Issue, type Out } from './http.js';

type Fetch = typeof fetch;

export type ListFilter = { status?: ProposalStatus; category?: ProposalCategory; limit?: number; cursor?: string };

function queryString(filter: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const idPath = (id: string) => `/proposals/${encodeURIComponent(id)}`;
const seg = encodeURIComponent;
const actPath = (id: string) => `/activities/${encodeURIComponent(id)}`;
type In<S extends z.ZodMiniType> = z.input<S>;
/** A lifecycle step: POST /proposals/{id}/<name>, answered with the whole proposal. */
const step = <S extends z.ZodMiniType>(name: string) => (id: string, body: In<S>) =>
  call<Out<typeof Proposal>>('POST', `${idPath(id)}/${name}`, { body });

export const api = {
  me: (fetch?: Fetch) => call<Out<typeof Me>>('GET', '/me', { fetch }),
  setPriorityProfile: (body: In<typeof PutPriorityProfileBody>) => call<Out<typeof Me>>('PUT', '/me/priority-profile', { body }),
  listProposals: (filter: ListFilter = {}, fetch?: Fetch) =>
    call<Out<typeof ProposalPage>>('GET', `/proposals${queryString(filter)}`, { fetch, auth: false }),
  getProposal: (id: string, fetch?: Fetch) => call<Out<typeof Proposal>>('GET', idPath(id), { fetch, auth: false }),
  createProposal: (body: CreateProposalBody) => call<Out<typeof Proposal>>('POST', '/proposals', { body }),
  getSupport: (id: string) => call<Out<typeof SupportState>>('GET', `${idPath(id)}/support`),
  back: (id: string) => call<Out<typeof SupportState>>('PUT', `${idPath(id)}/support`),
  withdrawBacking: (id: string) => call<Out<typeof SupportState>>('DELETE', `${idPath(id)}/support`),
  /** Staff back it for a resident from a paper form (idempotent). */
  backOnBehalf: (id: string, userId: string, body: In<typeof SupportOnBehalfBody>) =>
    call<Out<typeof SupportState>>('PUT', `${idPath(id)}/supporters/${seg(userId)}`, { body }),

  withdraw: step<typeof WithdrawBody>('withdraw'),
  review: step<typeof ReviewBody>('review'),
  answer: step<typeof AnswerBody>('answer'),
  object: step<typeof ObjectionBody>('objections'),
  start: step<typeof StartWorkBody>('start'),
  addMilestone: step<typeof MilestoneBody>('milestones'),
  complete: step<typeof CompleteBody>('complete'),
  addPhoto: step<typeof AddPhotoBody>('photos'),
  respondToObjection: (id: string, objectionId: string, body: In<typeof ObjectionResponseBody>) =>
    call<Out<typeof Proposal>>('POST', `${idPath(id)}/objections/${seg(objectionId)}/response`, { body }),
  /** A short-lived link to PUT one photo to; see `putPhoto`. */
  requestPhotoUpload: (id: string, body: In<typeof PhotoUploadBody>) =>
    call<Out<typeof PhotoUpload>>('POST', `${idPath(id)}/photo-uploads`, { body }),
  /** Sends the file itself to the pre-signed link, with exactly the headers it was issued for (no token). */
  async putPhoto(upload: z.infer<typeof PhotoUpload>, file: Blob): Promise<void> {
    let res: Response;
    try {
      res = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: file });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    if (!res.ok) throw new ApiError(res.status, `upload_${res.status}`, 'The photo was not accepted.');
  },
  dashboard: () => call<Out<typeof Dashboard>>('GET', '/dashboard/proposals'),

  listComments: (id: string, page: { limit?: number; cursor?: string } = {}) =>
    call<Out<typeof CommentPage>>('GET', `${idPath(id)}/comments${queryString(page)}`, { auth: false }),
  comment: (id: string, body: CreateCommentBody) => call<Out<typeof Comment>>('POST', `${idPath(id)}/comments`, { body }),
  reportProposal: (id: string, body: In<typeof ReportBody>) =>
    call<Out<typeof ReportReceipt>>('POST', `${idPath(id)}/reports`, { body }),
  reportComment: (id: string, commentId: string, body: In<typeof ReportBody>) =>
    call<Out<typeof ReportReceipt>>('POST', `${idPath(id)}/comments/${seg(commentId)}/reports`, { body }),
  moderationQueue: () => call<Out<typeof ModerationQueue>>('GET', '/moderation/reports'),
  decide: (body: In<typeof ModerationDecisionBody>) => call<Out<typeof ModerationOutcome>>('POST', '/moderation/decisions', { body }),

  listSpaces: (fetch?: Fetch) => call<Out<typeof SpaceList>>('GET', '/spaces', { fetch, auth: false }),
  listActivities: (filter: { spaceId?: string; from?: string; to?: string; limit?: number; cursor?: string } = {}, fetch?: Fetch) =>
    call<Out<typeof ActivityPage>>('GET', `/activities${queryString(filter)}`, { fetch, auth: false }),
  getActivity: (id: string, fetch?: Fetch) => call<Out<typeof Activity>>('GET', actPath(id), { fetch, auth: false }),
  createActivity: (body: CreateActivityBody) => call<Out<typeof Activity>>('POST', '/activities', { body }),
  createSeries: (body: CreateSeriesBody) => call<Out<typeof SeriesResult>>('POST', '/activity-series', { body }),
  moveActivity: (id: string, body: In<typeof MoveActivityBody>) => call<Out<typeof Activity>>('POST', `${actPath(id)}/move`, { body }),
  cancelActivity: (id: string, body: In<typeof CancelActivityBody>) => call<Out<typeof Activity>>('POST', `${actPath(id)}/cancel`, { body }),
  /** Book for yourself, or (staff) for a resident with `onBehalfOf`. */
  book: (id: string, body: In<typeof BookBody> = {}) => call<Out<typeof Booking>>('POST', `${actPath(id)}/bookings`, { body }),
  cancelMyBooking: (id: string) => call<Out<typeof CancelledBooking>>('DELETE', `${actPath(id)}/bookings/mine`),
  myBookings: () => call<Out<typeof MyBookings>>('GET', '/me/bookings'),
  attendance: (id: string) => call<Out<typeof AttendanceList>>('GET', `${actPath(id)}/attendance`),
  markAttendance: (id: string, userId: string, body: In<typeof AttendanceBody>) =>
    call<Out<typeof Booking>>('PUT', `${actPath(id)}/attendance/${seg(userId)}`, { body }),
  /** The public calendar of a space (text/calendar): a link, not a fetch. */
  spaceCalendarUrl: (spaceId: string) => apiUrl(`/spaces/${seg(spaceId)}/calendar.ics`),
  createCalendarFeed: () => call<Out<typeof CalendarFeed>>('POST', '/me/calendar-feed'),
  revokeCalendarFeed: () => call<Out<typeof Revoked>>('DELETE', '/me/calendar-feed'),

  /** Local development only; 404 on AWS. */
  devUsers: () => call<Out<typeof DevUsers>>('GET', '/dev/users', { auth: false }),
  devSession: (userId: string) => call<Out<typeof DevSession>>('POST', '/dev/session', { body: { userId }, auth: false }),
};
