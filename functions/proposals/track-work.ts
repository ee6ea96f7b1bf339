/** After acceptance: start the work, record milestones and photos, complete it. Committee or staff only. */
import type { Proposal } from '../contracts/proposals.js';
import { ConflictError } from '../shared/errors.js';
import type { MediaStore } from '../shared/media/index.js';
import { load, personOf, refused, requireModerator, requireStep, timelineEvent } from './access.js';
import type { ProposalDeps } from './deps.js';
import { tellBackers } from './notices.js';
import { present } from './read-proposals.js';
import { photoKey } from './request-photo-upload.js';
import { isFinal } from './rules.js';

async function loadForWork(deps: ProposalDeps, callerId: string, id: string, step: 'start' | 'milestone' | 'complete' | 'photo') {
  const loaded = await load(deps, callerId, id);
  requireModerator(loaded.member, loaded.proposal.communityId);
  requireStep(step, loaded.proposal);
  return loaded;
}

export async function startWork(deps: ProposalDeps, callerId: string, id: string, note?: string): Promise<Proposal> {
  const { member, proposal } = await loadForWork(deps, callerId, id, 'start');
  const now = deps.clock();
  if (!proposal.answer || !isFinal(proposal.answer.noticeEndsAt, proposal.openObjections, now)) {
    throw new ConflictError('The answer is not final yet: the notice period must end and every objection needs a response.', 'not_final');
  }
  const done = await deps.lifecycle.startWork(proposal, timelineEvent(deps, 'work_started', personOf(member), { text: note ?? null }));
  const started = present(done ?? await refused(deps, 'start', id, 'An objection arrived; respond to it first.'), now);
  await tellBackers(deps, started, member.id, { kind: 'proposal.progress', key: 'started', params: { step: 'started', note: note ?? '' } });
  return started;
}

export async function addMilestone(deps: ProposalDeps, callerId: string, id: string, m: { title: string; date: string; progress?: number }): Promise<Proposal> {
  const { member, proposal } = await loadForWork(deps, callerId, id, 'milestone');
  const event = timelineEvent(deps, 'milestone', personOf(member), { text: m.title, date: m.date, progress: m.progress ?? null });
  const done = await deps.lifecycle.milestone(proposal, event);
  const updated = present(done ?? await refused(deps, 'milestone', id, 'The proposal changed; try again.'), deps.clock());
  await tellBackers(deps, updated, member.id, { kind: 'proposal.progress', key: `milestone#${event.id}`, params: { step: 'milestone', note: m.title } });
  return updated;
}

export async function complete(deps: ProposalDeps, callerId: string, id: string, outcome: string): Promise<Proposal> {
  const { member, proposal } = await loadForWork(deps, callerId, id, 'complete');
  const done = await deps.lifecycle.complete(proposal, timelineEvent(deps, 'completed', personOf(member), { text: outcome, progress: 100 }));
  const completed = present(done ?? await refused(deps, 'complete', id, 'The proposal changed; try again.'), deps.clock());
  await tellBackers(deps, completed, member.id, { kind: 'proposal.progress', key: 'completed', params: { step: 'completed', note: outcome } });
  return completed;
}

/** Attaches a photo that was uploaded through its upload link; refuses one that never arrived. */
export async function attachPhoto(deps: ProposalDeps & { media: MediaStore }, callerId: string, id: string,
  p: { photoId: string; kind: 'before' | 'after' | 'progress'; caption?: string }): Promise<Proposal> {
  const { member, proposal } = await loadForWork(deps, callerId, id, 'photo');
  if (proposal.timeline.some((e) => e.photo?.id === p.photoId)) throw new ConflictError('This photo is already attached.', 'duplicate');
  const key = await findUploaded(deps.media, id, p.photoId);
  if (!key) throw new ConflictError('No uploaded photo has this id: upload it first with the link from photo-uploads.', 'not_uploaded');
  const event = timelineEvent(deps, 'photo', personOf(member), { text: p.caption ?? null, photo: { id: p.photoId, kind: p.kind, url: deps.media.publicUrl(key) } });
  const done = await deps.lifecycle.addPhoto(proposal, event);
  return present(done ?? await refused(deps, 'photo', id, 'The proposal changed; try again.'), deps.clock());
}

async function findUploaded(media: MediaStore, proposalId: string, photoId: string): Promise<string | null> {
  for (const type of ['image/jpeg', 'image/png', 'image/webp'] as const) {
    const key = photoKey(proposalId, photoId, type);
    if (await media.stat(key)) return key;
  }
  return null;
}
