/** Who may get a photo upload link, when, and what it is for; storage and repositories are fakes. */
import { describe, expect, it } from 'vitest';
import { stranger, type Member } from '../../functions/community/rules.js';
import type { ProposalStatus } from '../../functions/contracts/proposals.js';
import { photoKey, requestPhotoUpload, type PhotoUploadDeps } from '../../functions/proposals/request-photo-upload.js';
import type { MediaStore } from '../../functions/shared/media/index.js';

const PROPOSAL = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const PHOTO = '01BX5ZZKBKACTAV9WEVGEMMVRZ';
const people: Record<string, Member> = {
  committee1: { ...stranger('committee1'), registered: true, communityId: 'chating', committeeOf: ['chating.dongyuan'] },
  staff1: { ...stranger('staff1'), registered: true, communityId: 'chating', staffOf: ['chating'] },
  resident1: { ...stranger('resident1'), registered: true, communityId: 'chating' },
  otherStaff: { ...stranger('otherStaff'), registered: true, communityId: 'elsewhere', staffOf: ['elsewhere'] },
};

function setup(status: ProposalStatus | null) {
  const signed: [string, string, number][] = [];
  const media: MediaStore = {
    async presignUpload(key, contentType, bytes) {
      signed.push([key, contentType, bytes]);
      return { url: `/local-upload/${key}?signature=x`, headers: { 'content-type': contentType }, expiresAt: '2026-11-29T10:10:00.000Z' };
    },
    stat: async () => null,
    publicUrl: (key) => `/media/${key}`,
  };
  const deps: PhotoUploadDeps = {
    proposals: { get: async (id) => (status && id === PROPOSAL ? { communityId: 'chating', status } : null) },
    community: { getMember: async (id) => people[id] ?? stranger(id) },
    media, newId: () => PHOTO,
  };
  return { deps, signed };
}
const body = { contentType: 'image/png' as const, bytes: 300_000, kind: 'before' as const };

describe('requestPhotoUpload', () => {
  it('gives committee and staff a link for proposals/<proposal>/<new photo id>.<ext>, with the declared type and size', async () => {
    for (const caller of ['committee1', 'staff1']) {
      const { deps, signed } = setup('accepted');
      const upload = await requestPhotoUpload(deps, caller, PROPOSAL, body);
      expect(upload).toEqual({
        photoId: PHOTO, uploadUrl: `/local-upload/proposals/${PROPOSAL}/${PHOTO}.png?signature=x`,
        headers: { 'content-type': 'image/png' }, expiresAt: '2026-11-29T10:10:00.000Z',
      });
      expect(signed).toEqual([[`proposals/${PROPOSAL}/${PHOTO}.png`, 'image/png', 300_000]]);
    }
  });

  it('allows photos once accepted, during the work and after completion', async () => {
    for (const status of ['accepted', 'in_progress', 'completed'] as const) {
      await expect(requestPhotoUpload(setup(status).deps, 'staff1', PROPOSAL, body)).resolves.toMatchObject({ photoId: PHOTO });
    }
  });

  it('refuses with 409 before acceptance and after rejection or withdrawal, signing nothing', async () => {
    for (const status of ['open', 'under_review', 'rejected', 'withdrawn'] as const) {
      const { deps, signed } = setup(status);
      await expect(requestPhotoUpload(deps, 'committee1', PROPOSAL, body)).rejects.toMatchObject({ status: 409 });
      expect(signed).toEqual([]);
    }
  });

  it('refuses residents, strangers and staff of another community with 403', async () => {
    for (const caller of ['resident1', 'nobody', 'otherStaff']) {
      const { deps, signed } = setup('in_progress');
      await expect(requestPhotoUpload(deps, caller, PROPOSAL, body)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
      expect(signed).toEqual([]);
    }
  });

  it('answers 404 for a proposal that does not exist', async () => {
    await expect(requestPhotoUpload(setup(null).deps, 'committee1', PROPOSAL, body)).rejects.toMatchObject({ status: 404 });
  });

  it('names photo keys by type: jpg, png, webp', () => {
    expect(['image/jpeg', 'image/png', 'image/webp'].map((t) => photoKey('P', 'F', t))).toEqual(['proposals/P/F.jpg', 'proposals/P/F.png', 'proposals/P/F.webp']);
  });
});
