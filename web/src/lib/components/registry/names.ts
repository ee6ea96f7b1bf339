/** Names as the reader reads them: the English one for English readers when there is one; a flat in words. */
import '$lib/i18n/registry.js';
import { i18n, t } from '$lib/i18n/index.svelte.js';

export const nameOf = (x: { name: string; nameEn?: string | null }): string => (i18n.lang === 'en' && x.nameEn ? x.nameEn : x.name);

/** A staff page's address for one community, so a link or a reload keeps working on it. */
export const staffHref = (path: string, communityId: string): string => `${path}?community=${encodeURIComponent(communityId)}`;

/** "1", "101" → "1 栋 101 室" / "Building 1, room 101"; a building label that says what it is ("3栋", "A座") is kept. */
export const flatOf = (building: string, room: string): string =>
  t(/^[0-9A-Za-z-]+$/.test(building) ? 'reg.flat' : 'reg.flatAsIs', { building, room });

export const relationKey = { owner: 'reg.relation.owner', tenant: 'reg.relation.tenant', family: 'reg.relation.family' } as const;
export const relations = ['owner', 'tenant', 'family'] as const;
