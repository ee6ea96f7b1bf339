/**
 * A proposal's life as single conditional updates of its META item: each checks the status it
 * starts from (and any other guard), changes what the step changes, and appends the step's
 * timeline event in the same write, so the public record can never disagree with the state.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Moderation, Objection, ProposalStatus, TimelineEvent } from '../contracts/proposals.js';
import { isConditionFailed } from '../shared/db/client.js';
import { proposalKeys, toRecord, type MetaItem, type ProposalRecord, type StoredAnswer } from './records.js';
import type { ProposalRepository } from './repository.js';

interface Write {
  /** Statuses the step may start from; omitted for moderation, which works in any status. */
  expect?: readonly ProposalStatus[];
  to?: ProposalStatus;
  set?: Record<string, unknown>;
  remove?: string[];
  add?: Record<string, number>;
  /** A value under a map attribute, e.g. objections.<userId>[.response]. */
  entry?: { map: string; key: string; field?: string; value: unknown };
  /** Extra condition, in DynamoDB syntax, with its values. */
  guard?: { condition: string; values?: Record<string, unknown> };
}

export class LifecycleRepository {
  constructor(private readonly proposals: ProposalRepository) {}

  /** Applies one step; null when its condition no longer holds (the caller re-reads to say why). */
  private async apply(p: ProposalRecord, event: TimelineEvent, w: Write): Promise<ProposalRecord | null> {
    const names: Record<string, string> = w.expect || w.to ? { '#s': 'status' } : {};
    const values: Record<string, unknown> = { ':ev': [event], ':now': event.at, ...(w.guard?.values ?? {}) };
    const sets = ['timeline = list_append(timeline, :ev)', 'updatedAt = :now'];
    const conditions = ['attribute_exists(pk)'];
    if (w.expect) {
      w.expect.forEach((s, i) => { values[`:from${i}`] = s; });
      conditions.push(`#s IN (${w.expect.map((_, i) => `:from${i}`).join(', ')})`);
    }
    if (w.to) {
      sets.push('#s = :to', 'gsi2pk = :g2');
      values[':to'] = w.to;
      values[':g2'] = proposalKeys.byStatus(p.communityId, w.to);
    }
    Object.entries(w.set ?? {}).forEach(([k, v], i) => { names[`#set${i}`] = k; values[`:set${i}`] = v; sets.push(`#set${i} = :set${i}`); });
    if (w.entry) {
      names['#map'] = w.entry.map;
      names['#key'] = w.entry.key;
      const path = w.entry.field ? (names['#field'] = w.entry.field, '#map.#key.#field') : '#map.#key';
      sets.push(`${path} = :entry`);
      values[':entry'] = w.entry.value;
    }
    if (w.guard) conditions.push(w.guard.condition);
    const adds = Object.entries(w.add ?? {}).map(([k, v], i) => { names[`#add${i}`] = k; values[`:add${i}`] = v; return `#add${i} :add${i}`; });
    const removes = (w.remove ?? []).map((k, i) => { names[`#rm${i}`] = k; return `#rm${i}`; });
    try {
      const out = await this.proposals.db.send(new UpdateCommand({
        TableName: this.proposals.table,
        Key: { pk: proposalKeys.pk(p.id), sk: 'META' },
        UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        // Why: each step is legal only from its statuses and under its guard; checked in the write itself.
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }));
      return toRecord(out.Attributes as MetaItem, p.description);
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  withdraw(p: ProposalRecord, event: TimelineEvent) {
    return this.apply(p, event, { expect: ['open'], to: 'withdrawn', guard: { condition: 'authorId = :author', values: { ':author': p.author.id } } });
  }

  /** Moves an open proposal to review; `threshold` makes it conditional on the backing having reached it. */
  review(p: ProposalRecord, event: TimelineEvent, threshold: boolean) {
    return this.apply(p, event, { expect: ['open'], to: 'under_review', ...(threshold ? { guard: { condition: 'supportCount >= supportThreshold' } } : {}) });
  }

  answer(p: ProposalRecord, event: TimelineEvent, answer: StoredAnswer) {
    return this.apply(p, event, { expect: ['under_review'], to: answer.decision, set: { answer } });
  }

  fileObjection(p: ProposalRecord, event: TimelineEvent, objection: Omit<Objection, 'response'>) {
    return this.apply(p, event, {
      expect: ['accepted', 'rejected'], entry: { map: 'objections', key: objection.id, value: objection }, add: { openObjections: 1 },
      guard: { condition: 'answer.noticeEndsAt > :now AND attribute_not_exists(#map.#key)' },
    });
  }

  respondToObjection(p: ProposalRecord, event: TimelineEvent, objectorId: string, response: NonNullable<Objection['response']>) {
    return this.apply(p, event, {
      expect: ['accepted', 'rejected'], entry: { map: 'objections', key: objectorId, field: 'response', value: response },
      add: { openObjections: -1 }, guard: { condition: 'attribute_exists(#map.#key) AND attribute_not_exists(#map.#key.#field)' },
    });
  }

  startWork(p: ProposalRecord, event: TimelineEvent) {
    return this.apply(p, event, {
      expect: ['accepted'], to: 'in_progress', set: { progress: 0 },
      guard: { condition: 'answer.noticeEndsAt <= :now AND openObjections = :zero', values: { ':zero': 0 } },
    });
  }

  milestone(p: ProposalRecord, event: TimelineEvent) {
    return this.apply(p, event, { expect: ['in_progress'], ...(event.progress === null ? {} : { set: { progress: event.progress } }) });
  }

  complete(p: ProposalRecord, event: TimelineEvent) {
    return this.apply(p, event, { expect: ['in_progress'], to: 'completed', set: { outcome: event.text, progress: 100 } });
  }

  addPhoto(p: ProposalRecord, event: TimelineEvent) {
    return this.apply(p, event, { expect: ['accepted', 'in_progress', 'completed'] });
  }

  hide(p: ProposalRecord, event: TimelineEvent, hidden: Moderation) {
    return this.apply(p, event, { set: { hidden, hiddenAt: hidden.at }, guard: { condition: 'attribute_not_exists(hiddenAt)' } });
  }

  restore(p: ProposalRecord, event: TimelineEvent) {
    return this.apply(p, event, { remove: ['hidden', 'hiddenAt'], guard: { condition: 'attribute_exists(hiddenAt)' } });
  }
}
