/** The platform admin creates communities; staff keep their settings. Every change goes to the audit log. */
import type { Community, CommunitySettingsBody } from '../contracts/registry.js';
import type * as z from 'zod/mini';
import type { CreateCommunityBody } from '../contracts/registry.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { requirePlatformAdmin, requireStaffOf, type RegistryDeps } from './registry-deps.js';
import { toCommunity } from './registry-repository.js';
import { defaultSettings, type CommunitySettings } from './rules.js';

export async function listCommunities(deps: RegistryDeps): Promise<{ items: Community[] }> {
  const items = (await deps.registry.listCommunities()).map(toCommunity);
  return { items: items.sort((a, b) => a.id.localeCompare(b.id)) };
}

export async function createCommunity(deps: RegistryDeps, callerId: string, body: z.output<typeof CreateCommunityBody>): Promise<Community> {
  await requirePlatformAdmin(deps, callerId);
  const at = deps.clock();
  const auditId = deps.newId();
  const item = {
    id: body.id, name: body.name, nameEn: body.nameEn, district: body.district,
    settings: { ...defaultSettings, ...body.settings }, createdAt: at, createdBy: callerId, auditId,
  };
  if (!(await deps.registry.createCommunity(item))) {
    throw new ConflictError(`A community with the id ${body.id} already exists.`, 'community_exists');
  }
  await deps.audit.append({ id: auditId, at, communityId: body.id, actorId: callerId, action: 'community.create', subject: body.id,
    details: { name: body.name } });
  return toCommunity(item);
}

export async function putSettings(deps: RegistryDeps, callerId: string, communityId: string, body: CommunitySettingsBody): Promise<Community> {
  await requireStaffOf(deps, callerId, communityId);
  const at = deps.clock();
  // What the change leaves out stays as it was; each named setting is set on its own.
  const before = await deps.registry.setSettings(communityId, body, at, callerId);
  if (!before) throw new NotFoundError(`No community ${communityId}.`);
  const old: CommunitySettings = { ...defaultSettings, ...(before.settings as object | undefined) };
  const next: CommunitySettings = { ...old, ...body };
  const changed = (Object.keys(next) as (keyof CommunitySettings)[]).filter((k) => old[k] !== next[k]);
  if (changed.length > 0) {
    await deps.audit.append({ id: deps.newId(), at, communityId, actorId: callerId, action: 'settings.change', subject: communityId,
      details: Object.fromEntries(changed.map((k) => [k, `${old[k]} → ${next[k]}`])) });
  }
  return toCommunity({ ...before, settings: next });
}
