/**
 * The route table: one row per endpoint. The CDK api stack makes one API Gateway route per row
 * (with the JWT authorizer unless the row is public), the local server matches requests against
 * the same rows, each context's handler implements exactly its rows, and the OpenAPI document is
 * generated from them. Imports zod contracts only.
 */
import type * as z from 'zod/mini';
import { ballotRoutes } from './ballots/routes.js';
import { joiningRoutes, registryRoutes } from './community/routes.js';
import { donationRoutes } from './donations/routes.js';
import { committeesAndStaff, registered, residentsOfC, route, type Allow, type ContextName, type Party, type RouteDef } from './route-def.js';
import {
  Activity, ActivityPage, AttendanceBody, AttendanceList, AttendanceParams, BookBody, Booking, CalendarFeed, CancelActivityBody,
  CancelledBooking, CommunityOnlyQuery, CreateActivityBody, CreateSeriesBody, FeedParams, ICalendar, ListActivitiesQuery, MoveActivityBody, MyBookings,
  Revoked, SeriesResult, SpaceList, SpaceParams,
} from './contracts/activities.js';
import { IdParams, NoQuery } from './contracts/common.js';
import { Health, OpenApiDocument } from './contracts/health.js';
import { Me, PutPriorityProfileBody } from './contracts/me.js';
import {
  CommentPage, CommentParams, CommentQuery, Comment, CreateCommentBody, DashboardQuery, ModerationDecisionBody,
  ModerationOutcome, ModerationQueue, ReportBody, ReportReceipt,
} from './contracts/comments.js';
import {
  AddPhotoBody, AnswerBody, CompleteBody, MilestoneBody, ObjectionBody, ObjectionParams, ObjectionResponseBody,
  PhotoUpload, PhotoUploadBody, ReviewBody, StartWorkBody, SupporterParams, SupportOnBehalfBody, WithdrawBody,
} from './contracts/proposal-actions.js';
import {
  CreateProposalBody, Dashboard, ListProposalsQuery, Proposal, ProposalPage, SupportState,
} from './contracts/proposals.js';

export {
  allowedRoles, callerRoles, contexts, parties, route, routeKey, type Access, type Allow, type CallerRole, type ContextName, type Method,
  type Party, type RouteDef, type SignedInRole,
} from './route-def.js';

/** `POST /api/proposals/{id}/<name>`: a lifecycle step answering with the whole proposal. */
const action = <const A extends string, const B extends z.ZodMiniType>(name: A, summary: string, body: B,
  who: { allow: Allow; alsoAllow?: Party } = { allow: committeesAndStaff }) => route({
  id: `proposals.${name}`, method: 'POST', path: `/api/proposals/{id}/${name}`, context: 'proposals', access: 'user', ...who,
  summary, params: IdParams, query: NoQuery, body, response: Proposal, status: 200,
});

export const routes = [
  route({ id: 'health', method: 'GET', path: '/api/health', context: 'community', access: 'public', allow: 'anyone',
    summary: 'Liveness check', query: NoQuery, response: Health, status: 200 }),
  route({ id: 'openapi', method: 'GET', path: '/api/openapi.json', context: 'community', access: 'public', allow: 'anyone',
    summary: 'This API as an OpenAPI 3.1 document', query: NoQuery, response: OpenApiDocument, status: 200 }),
  route({ id: 'me', method: 'GET', path: '/api/me', context: 'community', access: 'user', allow: 'signed-in',
    summary: 'The caller: name, roles, household and estate', query: NoQuery, response: Me, status: 200 }),
  route({ id: 'me.priority.put', method: 'PUT', path: '/api/me/priority-profile', context: 'community', access: 'user', allow: residentsOfC,
    summary: 'Record your birth year and your children\'s (priority seats for 65 and over, and for carers of children of 12 and under)',
    query: NoQuery, body: PutPriorityProfileBody, response: Me, status: 200 }),

  route({ id: 'proposals.list', method: 'GET', path: '/api/proposals', context: 'proposals', access: 'public', allow: 'anyone',
    summary: 'Proposals, newest first, filtered by status and category', query: ListProposalsQuery,
    response: ProposalPage, status: 200 }),
  route({ id: 'proposals.create', method: 'POST', path: '/api/proposals', context: 'proposals', access: 'user', allow: residentsOfC,
    summary: 'Propose an improvement (residents of a verified household)', query: NoQuery,
    body: CreateProposalBody, response: Proposal, status: 201 }),
  route({ id: 'proposals.get', method: 'GET', path: '/api/proposals/{id}', context: 'proposals', access: 'public', allow: 'anyone',
    summary: 'One proposal', params: IdParams, query: NoQuery, response: Proposal, status: 200 }),
  route({ id: 'proposals.support.get', method: 'GET', path: '/api/proposals/{id}/support', context: 'proposals',
    access: 'user', allow: 'signed-in', summary: 'Whether the caller backs this proposal, and the count', params: IdParams,
    query: NoQuery, response: SupportState, status: 200 }),
  route({ id: 'proposals.support.put', method: 'PUT', path: '/api/proposals/{id}/support', context: 'proposals',
    access: 'user', allow: residentsOfC, summary: 'Back a proposal (idempotent: once per resident)', params: IdParams, query: NoQuery,
    response: SupportState, status: 200 }),
  route({ id: 'proposals.support.delete', method: 'DELETE', path: '/api/proposals/{id}/support',
    context: 'proposals', access: 'user', allow: residentsOfC, summary: 'Withdraw the caller\'s backing (idempotent)', params: IdParams,
    query: NoQuery, response: SupportState, status: 200 }),
  route({ id: 'proposals.supporters.put', method: 'PUT', path: '/api/proposals/{id}/supporters/{userId}',
    context: 'proposals', access: 'user', allow: ['staff'], summary: 'Staff back a proposal for a resident, with the evidence (idempotent)',
    params: SupporterParams, query: NoQuery, body: SupportOnBehalfBody, response: SupportState, status: 200 }),

  // Lifecycle: every transition answers with the whole proposal, timeline included. Committee or staff unless said.
  action('withdraw', 'The author withdraws an open proposal', WithdrawBody, { allow: [], alsoAllow: 'its-author' }),
  action('review', 'Committee or staff take an open proposal up for review', ReviewBody),
  action('answer', 'Committee or staff accept (with a plan) or reject (with a reason); opens the notice period', AnswerBody),
  action('objections', 'A resident objects to the answer during the notice period', ObjectionBody, { allow: residentsOfC }),
  action('start', 'Committee or staff start the work once the answer is final', StartWorkBody),
  action('milestones', 'Committee or staff record a dated milestone and the progress', MilestoneBody),
  action('complete', 'Committee or staff record completion and its outcome', CompleteBody),
  action('photos', 'Committee or staff attach an uploaded before/after photo', AddPhotoBody),
  route({ id: 'proposals.objections.respond', method: 'POST', path: '/api/proposals/{id}/objections/{objectionId}/response',
    context: 'proposals', access: 'user', allow: committeesAndStaff, summary: 'Committee or staff respond to an objection', params: ObjectionParams,
    query: NoQuery, body: ObjectionResponseBody, response: Proposal, status: 200 }),
  route({ id: 'proposals.photoUploads.create', method: 'POST', path: '/api/proposals/{id}/photo-uploads', context: 'proposals',
    access: 'user', allow: committeesAndStaff, summary: 'A short-lived upload link for one photo (type and size checked)', params: IdParams,
    query: NoQuery, body: PhotoUploadBody, response: PhotoUpload, status: 201 }),
  route({ id: 'proposals.dashboard', method: 'GET', path: '/api/dashboard/proposals', context: 'proposals', access: 'user', allow: committeesAndStaff,
    summary: 'Committee dashboard: awaiting an answer, open objections, stalled work', query: DashboardQuery,
    response: Dashboard, status: 200 }),

  route({ id: 'comments.list', method: 'GET', path: '/api/proposals/{id}/comments', context: 'proposals', access: 'public', allow: 'anyone',
    summary: 'Comments on a proposal, oldest first, replies after their parent', params: IdParams, query: CommentQuery,
    response: CommentPage, status: 200 }),
  route({ id: 'comments.create', method: 'POST', path: '/api/proposals/{id}/comments', context: 'proposals', access: 'user', allow: residentsOfC,
    summary: 'Comment, or reply to a top-level comment', params: IdParams, query: NoQuery, body: CreateCommentBody,
    response: Comment, status: 201 }),
  route({ id: 'reports.proposal', method: 'POST', path: '/api/proposals/{id}/reports', context: 'proposals', access: 'user',
    allow: registered,
    summary: 'Report a proposal to the moderators, with a reason', params: IdParams, query: NoQuery, body: ReportBody,
    response: ReportReceipt, status: 201 }),
  route({ id: 'reports.comment', method: 'POST', path: '/api/proposals/{id}/comments/{commentId}/reports', context: 'proposals',
    access: 'user',
    allow: registered, summary: 'Report a comment to the moderators, with a reason', params: CommentParams, query: NoQuery,
    body: ReportBody, response: ReportReceipt, status: 201 }),
  route({ id: 'moderation.queue', method: 'GET', path: '/api/moderation/reports', context: 'proposals', access: 'user', allow: committeesAndStaff,
    summary: 'Open reports, grouped by what was reported (committee and staff)', query: DashboardQuery,
    response: ModerationQueue, status: 200 }),
  route({ id: 'moderation.decide', method: 'POST', path: '/api/moderation/decisions', context: 'proposals', access: 'user', allow: committeesAndStaff,
    summary: 'Hide, keep or restore a reported proposal or comment, with a reason', query: NoQuery,
    body: ModerationDecisionBody, response: ModerationOutcome, status: 200 }),

  route({ id: 'spaces.list', method: 'GET', path: '/api/spaces', context: 'activities', access: 'public', allow: 'anyone',
    summary: 'The community\'s pocket parks: opening hours, capacity, accessibility', query: CommunityOnlyQuery, response: SpaceList, status: 200 }),
  route({ id: 'activities.list', method: 'GET', path: '/api/activities', context: 'activities', access: 'public', allow: 'anyone',
    summary: 'Activities by space and date range, soonest first', query: ListActivitiesQuery, response: ActivityPage, status: 200 }),
  route({ id: 'activities.create', method: 'POST', path: '/api/activities', context: 'activities', access: 'user', allow: committeesAndStaff,
    summary: 'Staff or committee schedule an activity in a space (never overlapping another)', query: NoQuery,
    body: CreateActivityBody, response: Activity, status: 201 }),
  route({ id: 'activities.get', method: 'GET', path: '/api/activities/{id}', context: 'activities', access: 'public', allow: 'anyone',
    summary: 'One activity with its seats left and waitlist', params: IdParams, query: NoQuery, response: Activity, status: 200 }),
  route({ id: 'bookings.create', method: 'POST', path: '/api/activities/{id}/bookings', context: 'activities', access: 'user', allow: residentsOfC,
    summary: 'Book seats (residents; staff for a resident): confirmed while seats are left, else waitlisted in order', params: IdParams,
    query: NoQuery, body: BookBody, response: Booking, status: 201 }),
  route({ id: 'bookings.cancel', method: 'DELETE', path: '/api/activities/{id}/bookings/mine', context: 'activities',
    access: 'user', allow: 'signed-in', summary: 'Cancel your booking; the first waitlisted booking that fits is promoted, once', params: IdParams,
    query: NoQuery, response: CancelledBooking, status: 200 }),
  route({ id: 'activities.cancel', method: 'POST', path: '/api/activities/{id}/cancel', context: 'activities', access: 'user',
    allow: committeesAndStaff,
    summary: 'Staff or committee cancel an activity for everyone, with a reason every booked resident sees', params: IdParams,
    query: NoQuery, body: CancelActivityBody, response: Activity, status: 200 }),
  route({ id: 'attendance.list', method: 'GET', path: '/api/activities/{id}/attendance', context: 'activities', access: 'user',
    allow: committeesAndStaff,
    summary: 'Who booked, in order, with attendance (staff and committee)', params: IdParams, query: NoQuery,
    response: AttendanceList, status: 200 }),
  route({ id: 'attendance.mark', method: 'PUT', path: '/api/activities/{id}/attendance/{userId}', context: 'activities',
    access: 'user',
    allow: committeesAndStaff, summary: 'Check a confirmed resident in, or mark a no-show (staff and committee)', params: AttendanceParams,
    query: NoQuery, body: AttendanceBody, response: Booking, status: 200 }),
  route({ id: 'activities.series', method: 'POST', path: '/api/activity-series', context: 'activities', access: 'user', allow: committeesAndStaff,
    summary: 'Staff or committee schedule a weekly series; dates that clash are skipped and reported', query: NoQuery,
    body: CreateSeriesBody, response: SeriesResult, status: 201 }),
  route({ id: 'activities.move', method: 'POST', path: '/api/activities/{id}/move', context: 'activities', access: 'user', allow: committeesAndStaff,
    summary: 'Move one activity (or one occurrence of a series) to another time; bookings stay', params: IdParams,
    query: NoQuery, body: MoveActivityBody, response: Activity, status: 200 }),
  route({ id: 'calendars.space', method: 'GET', path: '/api/spaces/{id}/calendar.ics', context: 'activities', access: 'public', allow: 'anyone',
    summary: 'A space\'s activities as an iCalendar feed (Asia/Shanghai)', params: SpaceParams, query: CommunityOnlyQuery,
    response: ICalendar, status: 200, produces: 'text/calendar' }),
  route({ id: 'calendars.feed.create', method: 'POST', path: '/api/me/calendar-feed', context: 'activities', access: 'user', allow: 'signed-in',
    summary: 'Create (or rotate, revoking the old one) the secret link to your bookings calendar', query: NoQuery,
    response: CalendarFeed, status: 201 }),
  route({ id: 'calendars.feed.delete', method: 'DELETE', path: '/api/me/calendar-feed', context: 'activities', access: 'user', allow: 'signed-in',
    summary: 'Revoke your bookings calendar link', query: NoQuery, response: Revoked, status: 200 }),
  route({ id: 'calendars.feed', method: 'GET', path: '/api/calendar-feeds/{token}', context: 'activities', access: 'public', allow: 'anyone',
    summary: 'Your bookings as an iCalendar feed, by its secret token', params: FeedParams, query: NoQuery,
    response: ICalendar, status: 200, produces: 'text/calendar' }),
  route({ id: 'me.bookings', method: 'GET', path: '/api/me/bookings', context: 'activities', access: 'user', allow: 'signed-in',
    summary: 'The caller\'s bookings, soonest first', query: NoQuery, response: MyBookings, status: 200 }),
  ...registryRoutes,
  ...joiningRoutes,
  ...donationRoutes,
  ...ballotRoutes,
] as const satisfies readonly RouteDef[];

export type AppRoute = (typeof routes)[number];
export type RouteId = AppRoute['id'];
export type RouteOf<I extends RouteId> = Extract<AppRoute, { id: I }>;
/** The route ids one context's Lambda must implement. */
export type ContextRouteId<C extends ContextName> = Extract<AppRoute, { context: C }>['id'];
