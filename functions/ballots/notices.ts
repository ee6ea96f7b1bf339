/**
 * What a ballot tells the voting representatives of its frozen roll (issue #15): that it is open
 * (when it is created) and its published result (when it is closed). A ballot is created and closed
 * once, so the ballot id names each change; a representative of several units is told once.
 */
import type { NotificationKind } from '../contracts/notifications.js';
import type { Item } from './repository.js';

type Notice = { kind: Extract<NotificationKind, 'ballot.opened' | 'ballot.published'>; params: Record<string, string> };

export const representativesOf = (units: readonly Item[]): string[] =>
  [...new Set(units.map((u) => u.representativeId).filter((r): r is string => typeof r === 'string'))];

export const ballotNotices = (meta: Item, people: readonly string[], n: Notice, at: string) =>
  people.map((userId) => ({
    userId, communityId: String(meta.communityId), kind: n.kind, key: `${n.kind}#${String(meta.id)}`,
    params: { title: String(meta.title), closesAt: String(meta.closesAt), ...n.params }, link: `/ballots/${String(meta.id)}`, at,
  }));
