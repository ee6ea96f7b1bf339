/** The stored fields /me/data names in words (the rest keep the name they have in the download). */
import type { MessageKey } from '$lib/i18n/index.svelte.js';

export const fieldKey: Record<string, MessageKey> = {
  displayName: 'mydata.field.displayName', userId: 'mydata.field.userId', householdId: 'mydata.field.householdId',
  estateName: 'mydata.field.estateName', estateId: 'mydata.field.estateId', communityId: 'mydata.field.communityId',
  building: 'mydata.field.building', room: 'mydata.field.room', relation: 'mydata.field.relation', how: 'mydata.field.how',
  evidence: 'mydata.field.evidence', status: 'mydata.field.status', consent: 'mydata.field.consent', createdAt: 'mydata.field.createdAt',
  joinedAt: 'mydata.field.joinedAt', at: 'mydata.field.at', action: 'mydata.field.action', subject: 'mydata.field.subject',
  actorId: 'mydata.field.actorId', details: 'mydata.field.details', title: 'mydata.field.title', birthYear: 'mydata.field.birthYear',
  childBirthYears: 'mydata.field.childBirthYears', expiresAt: 'mydata.field.expiresAt', redeemedAt: 'mydata.field.redeemedAt',
};
