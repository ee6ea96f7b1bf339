/**
 * Words shared by the join, my-data and join-code pages: a flat as people say it ("茶亭东苑 1 栋
 * 101 室"), relations and states as message keys, and the code as the server reads it.
 */
import '$lib/i18n/joining.js';
import { i18n, t, type MessageKey } from '$lib/i18n/index.svelte.js';

export type Relation = 'owner' | 'tenant' | 'family';
export const relations: readonly Relation[] = ['owner', 'tenant', 'family'];

export const relationKey = {
  owner: 'joining.relation.owner', tenant: 'joining.relation.tenant', family: 'joining.relation.family',
} as const satisfies Record<Relation, MessageKey>;
export const relationShortKey = {
  owner: 'joining.relationShort.owner', tenant: 'joining.relationShort.tenant', family: 'joining.relationShort.family',
} as const satisfies Record<Relation, MessageKey>;
export const codeStatusKey = {
  issued: 'codes.status.issued', redeemed: 'codes.status.redeemed', revoked: 'codes.status.revoked', expired: 'codes.status.expired',
} as const satisfies Record<string, MessageKey>;
export const requestStatusKey = {
  pending: 'join.status.pending', accepted: 'join.status.accepted', refused: 'join.status.refused',
} as const satisfies Record<string, MessageKey>;

/** "1" → "1 栋" / "Building 1"; a label that already says what it is ("3栋", "A座") is kept. */
const numbered = (text: string) => /^[0-9A-Za-z-]+$/.test(text);
export const buildingLabel = (building: string, say = t): string =>
  numbered(building) ? say('joining.building', { building }) : building;
export const roomLabel = (room: string, say = t): string => (numbered(room) ? say('joining.room', { room }) : room);

/** The flat in words, in the reader's language unless `say` is given (the letters' Chinese half). */
export function flatLabel(building: string, room: string, say = t): string {
  return say('joining.flat', { building: buildingLabel(building, say), room: roomLabel(room, say) });
}
/** The flat with its estate: "茶亭东苑 1 栋 101 室", "Building 1, room 101, Chating East Garden". */
export const homeLabel = (estate: string, building: string, room: string, say = t): string =>
  say('joining.home', { estate, flat: flatLabel(building, room, say) });
/** One of the caller's households in words, with the estate's English name when the page is read in English. */
export const myHomeLabel = (h: { estateName: string; estateNameEn?: string | null; building: string; unit: string }): string =>
  homeLabel(i18n.lang === 'en' && h.estateNameEn ? h.estateNameEn : h.estateName, h.building, h.unit);

/**
 * What the server reads from a typed code (JoinCode in contracts/joining.ts): no dashes or spaces,
 * capitals, I and L as 1, O as 0. Answers null when it cannot be a code from a letter.
 */
export function readCode(typed: string): string | null {
  const code = typed.trim().toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(code) ? code : null;
}
