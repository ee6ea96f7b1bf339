/** Lambda entry for notifications: the inbox, settings, the one-tap unsubscribe and the grid member's call list. */
import type { ContextRouteId } from '../routes.js';
import { systemClock } from '../shared/clock.js';
import { config } from '../shared/config.js';
import { documentClient } from '../shared/db/client.js';
import { createHandler } from '../shared/http/create-handler.js';
import type { ContextImpls } from '../shared/http/types.js';
import { callList, getSettings, listNotifications, markRead, markTold, putSettings } from './inbox.js';
import { notificationRoutes } from './routes.js';
import { unsubscribe } from './unsubscribe.js';
import { createInboxDeps } from './wire.js';

const deps = createInboxDeps(documentClient(), config(), systemClock);

export const impls: ContextImpls<ContextRouteId<'notifications'>> = {
  'notifications.list': ({ callerId, query }) => listNotifications(deps, callerId, query),
  'notifications.read': ({ callerId, body }) => markRead(deps, callerId, body),
  'notifications.settings.get': ({ callerId }) => getSettings(deps, callerId),
  'notifications.settings.put': ({ callerId, body }) => putSettings(deps, callerId, body),
  'notifications.unsubscribe': ({ body }) => unsubscribe(deps.notifications, body.token, deps.clock()),
  'calls.list': ({ callerId, params, query }) => callList(deps, callerId, params.id, query.date),
  'calls.told': ({ callerId, params, body }) => markTold(deps, callerId, params.id, params.userId, params.notificationId, body.note),
};

export const handler = createHandler(notificationRoutes, impls);
