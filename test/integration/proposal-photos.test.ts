/** Before/after photos: an upload link, the PUT to it, then attaching it to the timeline. */
import { describe, expect, it } from 'vitest';
import { samplePlan, sampleProposal, usePlatform } from '../support/platform.js';

// The smallest valid PNG: one transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64');

let id: string;
const { api, as } = usePlatform(async () => {
  const post = async (who: string, path: string, body: unknown = {}) => api.call('POST', path, { token: await as(who), body });
  id = (await post('resident1', '/api/proposals', sampleProposal())).body.id;
  await post('committee1', `/api/proposals/${id}/review`);
  await post('committee1', `/api/proposals/${id}/answer`, { decision: 'accepted', plan: samplePlan });
});

const ask = async (who: string, body: object) => api.call('POST', `/api/proposals/${id}/photo-uploads`, { token: await as(who), body });
const attach = async (who: string, body: object) => api.call('POST', `/api/proposals/${id}/photos`, { token: await as(who), body });

describe('proposal photos', () => {
  it('uploads through the link, attaches to the timeline and serves the file', async () => {
    const ticket = await ask('staff1', { contentType: 'image/png', bytes: PNG.length, kind: 'before' });
    expect(ticket.status).toBe(201);
    expect((await attach('staff1', { photoId: ticket.body.photoId, kind: 'before' })).body.error.code).toBe('not_uploaded');
    const put = await fetch(`${api.base}${ticket.body.uploadUrl}`, { method: 'PUT', headers: ticket.body.headers, body: PNG });
    expect(put.status).toBe(200);
    const attached = await attach('staff1', { photoId: ticket.body.photoId, kind: 'before', caption: '改造前的角落' });
    expect(attached.status).toBe(200);
    const event = attached.body.timeline.at(-1);
    expect(event).toMatchObject({ type: 'photo', text: '改造前的角落', actor: { id: 'staff1' }, photo: { id: ticket.body.photoId, kind: 'before' } });
    const served = await fetch(`${api.base}${event.photo.url}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    expect((await attach('staff1', { photoId: ticket.body.photoId, kind: 'before' })).status).toBe(409);
  });

  it('refuses residents, wrong types and oversized files', async () => {
    expect((await ask('resident2', { contentType: 'image/png', bytes: 100, kind: 'after' })).status).toBe(403);
    expect((await ask('staff1', { contentType: 'image/gif', bytes: 100, kind: 'after' })).status).toBe(400);
    expect((await ask('staff1', { contentType: 'image/jpeg', bytes: 6 * 1024 * 1024, kind: 'after' })).status).toBe(400);
    const ticket = await ask('staff1', { contentType: 'image/png', bytes: 10, kind: 'after' });
    const wrongSize = await fetch(`${api.base}${ticket.body.uploadUrl}`, { method: 'PUT', headers: ticket.body.headers, body: PNG });
    expect(wrongSize.status).toBeGreaterThanOrEqual(400);
  });
});
