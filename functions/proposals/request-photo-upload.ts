/**
 * A short-lived link for the committee or staff to upload one before/after/progress photo of a
 * proposal straight to storage. Nothing is recorded yet: attaching the uploaded photo (by its id)
 * is what puts it on the timeline, and that step checks the file really arrived.
 */
import type * as z from 'zod/mini';
import type { Member } from '../community/rules.js';
import type { PhotoUpload, PhotoUploadBody } from '../contracts/proposal-actions.js';
import type { ProposalStatus } from '../contracts/proposals.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { extensionFor, type MediaStore } from '../shared/media/media-store.js';
import { canTake, explainRefusal, isModerator } from './rules.js';

export interface PhotoUploadDeps {
  proposals: { get(id: string): Promise<{ communityId: string; status: ProposalStatus } | null> };
  community: { getMember(userId: string): Promise<Member> };
  media: MediaStore;
  newId: () => string;
}

/** Where a proposal's photo is stored: `proposals/<proposalId>/<photoId>.<jpg|png|webp>`. */
export const photoKey = (proposalId: string, photoId: string, contentType: string): string =>
  `proposals/${proposalId}/${photoId}.${extensionFor(contentType)}`;

export async function requestPhotoUpload(deps: PhotoUploadDeps, callerId: string, proposalId: string,
  body: z.output<typeof PhotoUploadBody>): Promise<z.input<typeof PhotoUpload>> {
  const [member, proposal] = await Promise.all([deps.community.getMember(callerId), deps.proposals.get(proposalId)]);
  if (!proposal) throw new NotFoundError('There is no proposal with this id.');
  if (!isModerator(member, proposal.communityId)) {
    throw new ForbiddenError('Only the committee or community staff can add photos to a proposal.');
  }
  // Photos document the work: "before" ones are taken once the proposal is accepted.
  if (!canTake('photo', proposal.status)) throw new ConflictError(explainRefusal('photo', proposal.status), 'wrong_status');
  const photoId = deps.newId();
  const ticket = await deps.media.presignUpload(photoKey(proposalId, photoId, body.contentType), body.contentType, body.bytes);
  return { photoId, uploadUrl: ticket.url, headers: ticket.headers, expiresAt: ticket.expiresAt };
}
