/**
 * Staff enter a paper ballot or a proxy vote with its evidence (DESIGN rule 6). A unit that already
 * voted is only overwritten with `replace: true` and a reason, both kept in the unit's history.
 * Also: the staff/committee list of who has voted (never how, while open) and a unit's history.
 */
import type * as z from 'zod/mini';
import type { BallotUnits, EnterVoteBody, UnitHistory, UnitVote } from '../contracts/ballots.js';
import { isCommitteeOf, isStaffOf } from '../community/rules.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { loadBallot, requireStaff, requireStaffOrCommittee } from './access.js';
import type { BallotDeps } from './deps.js';
import type { HistoryItem } from './repository.js';
import { choiceKey, MAX_CHANGES, normalizeChoice } from './rules.js';
import { explainRefusal, RECEIPT_LENGTH, requireOpen, toMyUnit } from './vote.js';

export async function enterVote(
  deps: BallotDeps, callerId: string, ballotId: string, unitId: string, body: z.output<typeof EnterVoteBody>,
): Promise<UnitVote> {
  const meta = await loadBallot(deps, ballotId);
  await requireStaff(deps, callerId, String(meta.communityId));
  const choice = normalizeChoice(meta.optionsKind as 'decision' | 'candidates', meta.options as never, body.choice);
  const now = deps.clock();
  requireOpen(meta, now);
  const { formNumber, photoRef, note } = body.evidence;
  const entry: HistoryItem = {
    choice, at: now, via: body.via, by: callerId, evidence: { formNumber, photoRef, note },
    onBehalfOf: body.onBehalfOf, reason: body.replace ? body.reason : undefined,
  };
  const written = await deps.ballots.writeVote(ballotId, unitId, {
    choice, choiceKey: choiceKey(choice), via: body.via, now, by: callerId, receipt: deps.randomCode(RECEIPT_LENGTH),
    entry, condition: body.replace ? 'replace' : 'first-entry', maxChanges: MAX_CHANGES,
  });
  if (!written) {
    const unit = await deps.ballots.getUnit(ballotId, unitId);
    throw explainRefusal(unit, now, { callerId, online: false })
      ?? new ConflictError('This unit has already voted; to replace its vote send replace: true with a reason.', 'already_voted');
  }
  const history = written.history as unknown[];
  return { ...toMyUnit(written), ballotId, replaced: body.replace && history.length > 1 };
}

export async function ballotUnits(deps: BallotDeps, callerId: string, ballotId: string): Promise<BallotUnits> {
  const meta = await loadBallot(deps, ballotId);
  await requireStaffOrCommittee(deps, callerId, String(meta.estateId), String(meta.communityId));
  const units = await deps.ballots.ballotUnits(ballotId,
    ['unitId', 'building', 'room', 'areaCentiM2', 'headKey', 'representativeId', 'ck', 'via', 'votedAt', 'changes']);
  return {
    ballotId,
    items: units.map((u) => ({
      unitId: String(u.unitId), building: String(u.building), room: String(u.room), areaCentiM2: Number(u.areaCentiM2),
      headKey: String(u.headKey), representativeId: (u.representativeId as string | undefined) ?? null, voted: u.ck !== undefined,
      via: (u.via as 'online' | 'paper' | 'proxy' | undefined) ?? null, votedAt: (u.votedAt as string | undefined) ?? null,
      changes: Number(u.changes ?? 0),
    })),
  };
}

/** The unit's representative sees its choices; staff and committee see them only once the ballot is closed. */
export async function unitHistory(deps: BallotDeps, callerId: string, ballotId: string, unitId: string): Promise<UnitHistory> {
  const meta = await loadBallot(deps, ballotId);
  const unit = await deps.ballots.getUnit(ballotId, unitId);
  if (!unit) throw new NotFoundError('That unit is not on this ballot\'s roll.');
  const isRep = unit.representativeId === callerId;
  if (!isRep) {
    const m = await deps.community.getMember(callerId);
    if (!isStaffOf(m, String(meta.communityId)) && !isCommitteeOf(m, String(meta.estateId))) {
      throw new ForbiddenError('Only the unit\'s representative, staff or the committee may see its history.');
    }
  }
  const showChoices = isRep || meta.status === 'closed';
  return {
    ballotId, unitId,
    items: ((unit.history ?? []) as HistoryItem[]).map((h) => ({
      choice: showChoices ? (h.choice as UnitHistory['items'][number]['choice']) : null, at: h.at, via: h.via, by: h.by,
      evidence: h.evidence ? { formNumber: h.evidence.formNumber, photoRef: h.evidence.photoRef ?? null, note: h.evidence.note ?? null } : null,
      onBehalfOf: h.onBehalfOf ?? null, reason: h.reason ?? null,
    })),
  };
}
