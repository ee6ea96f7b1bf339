/**
 * Message keys for the enums only a proposal's further parts (answer, work, record) and the
 * committee's tools show; kept out of labels.ts so they download with those parts only.
 */
import type * as z from 'zod/mini';
import type { FundingSource, PhotoKind as PhotoKindSchema, TimelineEventType } from '$contracts/proposals.js';
import type { MessageKey } from './i18n/index.svelte.js';

export const fundingKey = {
  government: 'funding.government',
  donations: 'funding.donations',
  community_fund: 'funding.community_fund',
  maintenance_fund: 'funding.maintenance_fund',
  other: 'funding.other',
} as const satisfies Record<FundingSource, MessageKey>;

export type PhotoKind = z.infer<typeof PhotoKindSchema>;
export const photoKindKey = {
  before: 'photoKind.before',
  progress: 'photoKind.progress',
  after: 'photoKind.after',
} as const satisfies Record<PhotoKind, MessageKey>;

/** What each public-record entry says someone did. */
export const eventKey = {
  created: 'event.created',
  review_started: 'event.review_started',
  threshold_reached: 'event.threshold_reached',
  answered: 'event.answered',
  objection_filed: 'event.objection_filed',
  objection_answered: 'event.objection_answered',
  work_started: 'event.work_started',
  milestone: 'event.milestone',
  photo: 'event.photo',
  completed: 'event.completed',
  withdrawn: 'event.withdrawn',
  backed_on_behalf: 'event.backed_on_behalf',
  hidden: 'event.hidden',
  restored: 'event.restored',
} as const satisfies Record<TimelineEventType, MessageKey>;

export const fundingSources = Object.keys(fundingKey) as FundingSource[];
export const photoKinds = Object.keys(photoKindKey) as PhotoKind[];
