/**
 * Demo rolls and ballots, made through the real use cases: every estate's roll from the demo flats
 * (resident2's two flats are one head, each estate's unsold developer flats one head, tenant1 is not
 * a representative), an open "hire a property company" ballot in 茶亭东苑 with some votes and a
 * staff-entered proxy vote, and a closed, final maintenance-fund ballot with an answered objection.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createBallot } from '../../ballots/create-ballot.js';
import type { BallotDeps } from '../../ballots/deps.js';
import { closeBallot } from '../../ballots/close-ballot.js';
import { fileObjection, respondToObjection } from '../../ballots/objections.js';
import { importRoll } from '../../ballots/roll.js';
import { rollCsv, type RollRow } from '../../ballots/roll-csv.js';
import { enterVote } from '../../ballots/staff-entry.js';
import { vote } from '../../ballots/vote.js';
import { createBallotDeps } from '../../ballots/wire.js';
import { config } from '../../shared/config.js';
import { COMMUNITY, ESTATES } from './community.js';
import { demo } from './people.js';

const DEVELOPER_NAME = '开发商（未售）';

/** The roll of one estate from the demo flats and their owners; a unit's id is the household's within its estate (`1-101`). */
export function demoRollRows(estateId: string): RollRow[] {
  const names = new Map(demo.users.map((u) => [u.id, u.displayName]));
  return demo.households.filter((h) => h.estateId === estateId).map((h) => ({
    unitId: h.id.slice(estateId.length + 1), building: h.building, room: h.unit, areaCentiM2: h.areaCentiM2,
    owners: [h.owner === 'developer' ? DEVELOPER_NAME : names.get(h.owner)!],
    head: h.owner, representativeId: h.owner === 'developer' ? null : h.owner,
  }));
}

const DAY = 86_400_000;
const at = (base: number, days: number) => new Date(base + days * DAY).toISOString();

export async function seedBallots(db: DynamoDBDocumentClient): Promise<void> {
  const base = createBallotDeps(db, config());
  const dongyuan = ESTATES[0]!.id;
  for (const e of ESTATES) await importRoll(base, 'staff1', e.id, rollCsv(demoRollRows(e.id)));
  if ((await base.ballots.listBallots({ estateId: dongyuan, communityId: COMMUNITY.id }, 1)).items.length > 0) return;
  const now = Date.now();
  let clock = at(now, -40);
  const deps: BallotDeps = { ...base, clock: () => clock };
  const dongyuanReps = [...new Set(demoRollRows(dongyuan).map((r) => r.representativeId).filter((r): r is string => r !== null))];

  // Closed and final: using maintenance funds (ordinary matter), with an objection answered.
  const fund = await createBallot(deps, 'committee1', {
    estateId: dongyuan, title: '使用维修资金修缮 1-3 号楼屋面排水', matter: 'use-maintenance-fund', options: { kind: 'decision' },
    description: '屋面排水管老化渗漏，拟使用维修资金约 8.6 万元统一更换，施工期约三周。',
    opensAt: at(now, -40), closesAt: at(now, -26),
  });
  clock = at(now, -35);
  const skip = new Set(['resident52', 'resident56', 'resident60']);
  const choices = ['yes', 'yes', 'yes', 'no', 'yes', 'abstain', 'yes'];
  let i = 0;
  for (const rep of dongyuanReps) if (!skip.has(rep)) await vote(deps, rep, fund.id, { choice: choices[i++ % choices.length]! });
  clock = at(now, -26 + 1 / 24);
  await closeBallot(deps, 'committee1', fund.id);
  clock = at(now, -25);
  const objected = await fileObjection(deps, 'resident8', fund.id, '我家住顶楼，希望先修 2 号楼，并公布施工单位的报价。');
  clock = at(now, -24);
  await respondToObjection(deps, 'committee1', fund.id, objected.objections[0]!.id, '已安排先修 2 号楼；三家报价已贴在宣传栏并上传到本页附件。');

  // Open: hiring a property company; a few owners have voted, staff entered one proxy vote for the developer.
  clock = at(now, -1);
  const hire = await createBallot(deps, 'committee1', {
    estateId: dongyuan, title: '选聘物业服务企业：引入“金陵安居物业”提供基础物业服务', matter: 'property-company',
    options: { kind: 'decision' }, description: '服务内容：保洁、绿化、门卫和小修；收费 0.45 元/平方米·月，合同两年。',
    opensAt: at(now, -1), closesAt: at(now, 14),
  });
  clock = new Date(now).toISOString();
  for (const [rep, choice] of [['resident4', 'yes'], ['resident8', 'yes'], ['resident12', 'no'], ['resident16', 'yes']] as const) {
    await vote(deps, rep, hire.id, { choice });
  }
  const developerUnit = demoRollRows(dongyuan).find((r) => r.head === 'developer')!;
  await enterVote(deps, 'staff1', hire.id, developerUnit.unitId, {
    choice: 'abstain', via: 'proxy', evidence: { formNumber: 'WT-0001', note: '开发商委托书，已盖章' }, onBehalfOf: '开发商', replace: false,
  });
}
