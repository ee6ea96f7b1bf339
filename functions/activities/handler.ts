/** Lambda entry for pocket-park activities: spaces, scheduling, bookings. */
import { CommunityRepository } from '../community/repository.js';
import type { ContextRouteId } from '../routes.js';
import { systemClock } from '../shared/clock.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { createHandler } from '../shared/http/create-handler.js';
import { activityRoutes } from './routes.js';
import type { ContextImpls } from '../shared/http/types.js';
import { newId } from '../shared/ids.js';
import { createNotify } from '../notifications/outbox.js';
import { book, cancelMine, getActivity, myBookings } from './bookings.js';
import { CalendarFeedRepository } from './calendar-feed-repository.js';
import { createFeed, feedCalendar, revokeFeed, spaceCalendar, type CalendarDeps } from './calendars.js';
import { listActivities } from './read-activities.js';
import { ActivityRepository } from './repository.js';
import { listSpaces, scheduleActivity } from './schedule-activity.js';
import { moveActivity, scheduleSeries } from './series.js';
import { attendanceList, cancelActivity, markAttendance } from './staff-actions.js';

const cfg = config();
const deps: CalendarDeps = {
  feeds: new CalendarFeedRepository(documentClient(), cfg.tables.activities),
  activities: new ActivityRepository(documentClient(), cfg.tables.activities),
  community: new CommunityRepository(documentClient(), cfg.tables.community),
  clock: systemClock, newId, notify: createNotify(documentClient(), cfg.tables.notifications),
};

export const impls: ContextImpls<ContextRouteId<'activities'>> = {
  'spaces.list': ({ query }) => listSpaces(deps, query.community),
  'activities.list': ({ query }) => listActivities(deps, query),
  'activities.create': ({ callerId, body }) => scheduleActivity(deps, callerId, body),
  'activities.get': ({ params }) => getActivity(deps, params.id),
  'bookings.create': ({ callerId, params, body }) => book(deps, callerId, params.id, body),
  'bookings.cancel': ({ callerId, params }) => cancelMine(deps, callerId, params.id),
  'activities.cancel': ({ callerId, params, body }) => cancelActivity(deps, callerId, params.id, body.reason),
  'attendance.list': ({ callerId, params }) => attendanceList(deps, callerId, params.id),
  'attendance.mark': ({ callerId, params, body }) => markAttendance(deps, callerId, params.id, params.userId, body.present),
  'activities.series': ({ callerId, body }) => scheduleSeries(deps, callerId, body),
  'activities.move': ({ callerId, params, body }) => moveActivity(deps, callerId, params.id, body),
  'calendars.space': ({ params, query }) => spaceCalendar(deps, query.community, params.id),
  'calendars.feed.create': ({ callerId }) => createFeed(deps, callerId),
  'calendars.feed.delete': ({ callerId }) => revokeFeed(deps, callerId),
  'calendars.feed': ({ params }) => feedCalendar(deps, params.token),
  'me.bookings': ({ callerId }) => myBookings(deps, callerId),
};

export const handler = createHandler(activityRoutes, impls);
