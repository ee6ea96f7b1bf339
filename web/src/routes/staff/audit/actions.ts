/** Each audit action, and the facts an entry carries, in words. */
import type { AuditAction } from '$contracts/registry.js';
import type { MessageKey } from '$lib/i18n/index.svelte.js';

export const actionKey = {
  'community.create': 'reg.audit.a.communityCreate', 'settings.change': 'reg.audit.a.settingsChange',
  'staff.grant': 'reg.audit.a.staffGrant', 'staff.revoke': 'reg.audit.a.staffRevoke',
  'committee.grant': 'reg.audit.a.committeeGrant', 'committee.revoke': 'reg.audit.a.committeeRevoke',
  'platform-admin.grant': 'reg.audit.a.adminGrant', 'platform-admin.revoke': 'reg.audit.a.adminRevoke',
  'estate.create': 'reg.audit.a.estateCreate', 'households.import': 'reg.audit.a.householdsImport',
  'space.create': 'reg.audit.a.spaceCreate', 'space.change': 'reg.audit.a.spaceChange',
  'codes.issue': 'reg.audit.a.codesIssue', 'codes.revoke': 'reg.audit.a.codesRevoke',
  'household.join': 'reg.audit.a.householdJoin', 'household.request': 'reg.audit.a.householdRequest',
  'household.accept': 'reg.audit.a.householdAccept', 'household.refuse': 'reg.audit.a.householdRefuse',
  'household.end': 'reg.audit.a.householdEnd', 'household.leave': 'reg.audit.a.householdLeave',
  'person.register': 'reg.audit.a.personRegister', 'person.link': 'reg.audit.a.personLink',
  'person.leave': 'reg.audit.a.personLeave', 'community.import': 'reg.audit.a.communityImport',
} as const satisfies Record<AuditAction, MessageKey>;

/** The facts' names the log's writers use; any other is shown as it is. */
export const detailKey: Record<string, MessageKey> = {
  name: 'reg.audit.d.name', nameEn: 'reg.audit.d.nameEn', district: 'reg.audit.d.district',
  supportThreshold: 'reg.audit.d.supportThreshold', supportLimit: 'reg.audit.d.supportLimit',
  noticePeriodDays: 'reg.audit.d.noticePeriodDays', proposalsPerDay: 'reg.audit.d.proposalsPerDay',
  commentsPerDay: 'reg.audit.d.commentsPerDay', reportsPerDay: 'reg.audit.d.reportsPerDay',
  objectionsPerDay: 'reg.audit.d.objectionsPerDay', householdRequestsPerDay: 'reg.audit.d.householdRequestsPerDay',
  scope: 'reg.audit.d.scope', displayName: 'reg.audit.d.displayName',
  added: 'reg.audit.d.added', changed: 'reg.audit.d.changed', unchanged: 'reg.audit.d.unchanged', missing: 'reg.audit.d.missing',
  hash: 'reg.audit.d.hash', capacity: 'reg.audit.d.capacity', openingHours: 'reg.audit.d.openingHours',
  accessibility: 'reg.audit.d.accessibility', accessibilityEn: 'reg.audit.d.accessibilityEn',
  description: 'reg.audit.d.description', descriptionEn: 'reg.audit.d.descriptionEn', building: 'reg.audit.d.building',
  room: 'reg.audit.d.room', relation: 'reg.audit.d.relation', householdId: 'reg.audit.d.householdId', count: 'reg.audit.d.count',
};
