/** How a proposal's META item maps to the contract; shared by the proposal repositories. */
import type { Answer, Objection, Proposal, ProposalStatus, ProposalSummary, TimelineEvent } from '../contracts/proposals.js';

export const proposalKeys = {
  pk: (id: string) => `PROPOSAL#${id}`,
  all: (communityId: string) => `COMMUNITY#${communityId}#PROPOSALS`,
  byStatus: (communityId: string, status: ProposalStatus) => `COMMUNITY#${communityId}#PROPOSALS#${status}`,
  reports: (communityId: string) => `COMMUNITY#${communityId}#REPORTS`,
};

export type StoredAnswer = Omit<Answer, 'final'>;
/** A proposal as stored: the answer's finality depends on the clock and is worked out when shown. */
export type ProposalRecord = Omit<Proposal, 'answer'> & { answer: StoredAnswer | null };

export type MetaItem = Record<string, unknown> & { supporters?: Set<string> };

const orNull = <T>(v: unknown): T | null => (v === undefined || v === null ? null : (v as T));

export function toSummary(i: MetaItem): ProposalSummary {
  return {
    id: String(i.id), communityId: String(i.communityId), title: String(i.title),
    category: i.category as ProposalSummary['category'], location: orNull<string>(i.location),
    estimatedCostFen: orNull<number>(i.estimatedCostFen), status: i.status as ProposalStatus,
    supportCount: Number(i.supportCount ?? 0), supportThreshold: Number(i.supportThreshold ?? 30),
    progress: orNull<number>(i.progress), openObjections: Number(i.openObjections ?? 0),
    author: { id: String(i.authorId), name: String(i.authorName) },
    createdAt: String(i.createdAt), updatedAt: String(i.updatedAt),
  };
}

export function toRecord(meta: MetaItem, description: string): ProposalRecord {
  const objections = Object.values((meta.objections ?? {}) as Record<string, Objection>)
    .sort((a, b) => a.at.localeCompare(b.at));
  return {
    ...toSummary(meta),
    description,
    enteredBy: meta.enteredById ? { id: String(meta.enteredById), name: String(meta.enteredByName) } : null,
    answer: orNull<StoredAnswer>(meta.answer),
    objections: objections.map((o) => ({ ...o, response: o.response ?? null })),
    outcome: orNull<string>(meta.outcome),
    hidden: orNull<Proposal['hidden']>(meta.hidden),
    timeline: (meta.timeline ?? []) as TimelineEvent[],
  };
}

/** The META item of a new proposal, keys and indexes included. */
export function newMetaItem(p: ProposalRecord): MetaItem {
  return {
    pk: proposalKeys.pk(p.id), sk: 'META', id: p.id, communityId: p.communityId, title: p.title, category: p.category,
    location: p.location ?? undefined, estimatedCostFen: p.estimatedCostFen ?? undefined, status: p.status,
    supportCount: p.supportCount, supportThreshold: p.supportThreshold, openObjections: 0, objections: {},
    authorId: p.author.id, authorName: p.author.name, enteredById: p.enteredBy?.id, enteredByName: p.enteredBy?.name,
    createdAt: p.createdAt, updatedAt: p.updatedAt, timeline: p.timeline,
    gsi1pk: proposalKeys.all(p.communityId), gsi1sk: p.id,
    gsi2pk: proposalKeys.byStatus(p.communityId, p.status), gsi2sk: p.id,
  };
}
