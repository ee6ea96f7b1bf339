/** Staff add the community's estates and its bookable spaces; anyone may list them. */
import type * as z from 'zod/mini';
import type { CreateEstateBody, CreateSpaceBody, Estate, PatchSpaceBody, RegistrySpace } from '../contracts/registry.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { requireStaffOf, type RegistryDeps } from './registry-deps.js';
import { toEstate, toSpace } from './registry-repository.js';

export async function createEstate(deps: RegistryDeps, callerId: string, communityId: string, body: z.output<typeof CreateEstateBody>): Promise<Estate> {
  await requireStaffOf(deps, callerId, communityId);
  const at = deps.clock();
  const auditId = deps.newId();
  const item = {
    id: `${communityId}.${body.slug}`, communityId, name: body.name, nameEn: body.nameEn, households: 0, buildings: [],
    createdAt: at, createdBy: callerId, auditId,
  };
  if (!(await deps.registry.createEstate(item))) throw new ConflictError(`The estate ${item.id} already exists.`, 'estate_exists');
  await deps.audit.append({ id: auditId, at, communityId, actorId: callerId, action: 'estate.create', subject: item.id, details: { name: body.name } });
  return toEstate(item);
}

export async function listEstates(deps: RegistryDeps, communityId: string): Promise<{ items: Estate[] }> {
  if (!(await deps.registry.getCommunity(communityId))) throw new NotFoundError(`No community ${communityId}.`);
  return { items: (await deps.registry.listPrefixed(communityId, 'ESTATE#')).map(toEstate) };
}

export async function createSpace(deps: RegistryDeps, callerId: string, communityId: string, body: z.output<typeof CreateSpaceBody>): Promise<RegistrySpace> {
  await requireStaffOf(deps, callerId, communityId);
  const space = toSpace({ ...body, communityId });
  if (!(await deps.registry.createSpace(space))) throw new ConflictError(`The space ${body.id} already exists.`, 'space_exists');
  await deps.audit.append({ id: deps.newId(), at: deps.clock(), communityId, actorId: callerId, action: 'space.create', subject: body.id,
    details: { name: body.name, capacity: body.capacity, openingHours: body.openingHours } });
  return space;
}

export async function patchSpace(deps: RegistryDeps, callerId: string, communityId: string, spaceId: string, body: z.output<typeof PatchSpaceBody>): Promise<RegistrySpace> {
  await requireStaffOf(deps, callerId, communityId);
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const done = await deps.registry.patchSpace(communityId, spaceId, changes);
  if (!done) throw new NotFoundError(`No space ${spaceId} in ${communityId}.`);
  const details = Object.fromEntries(Object.keys(changes).map((k) => [k, `${String(done.before[k] ?? '')} → ${String(changes[k])}`]));
  await deps.audit.append({ id: deps.newId(), at: deps.clock(), communityId, actorId: callerId, action: 'space.change', subject: spaceId, details });
  return toSpace(done.after);
}

export async function listAudit(deps: RegistryDeps, callerId: string, communityId: string, q: { limit: number; cursor?: string | undefined }) {
  await requireStaffOf(deps, callerId, communityId);
  return deps.audit.page(communityId, q.limit, q.cursor);
}
