/** The demo ledger: recorded through the real use cases, verifiable, and the seed can run again without writing twice. */
import { describe, expect, it } from 'vitest';
import { LedgerExport, LedgerSummary, Verification } from '../../functions/contracts/ledger.js';
import { seedDonations } from '../../functions/local/demo/donations.js';
import { demoUsers } from '../../functions/local/demo/people.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { usePlatform } from '../support/platform.js';

const { api } = usePlatform();

describe('the demo ledger', () => {
  it('shows the projects with money, goods and hours by source, verifies, and keeps the anonymous donor out of sight', async () => {
    const s = LedgerSummary.parse((await api.call('GET', '/api/ledger/summary?community=chating')).body);
    const by = (title: string) => s.projects.find((p) => p.title === title)!;
    expect(s.projects.map((p) => p.title)).toEqual(['动感乐园铺设软质地垫', '文化园加装夜间照明', '单元门口加装扶手和坡道', '口袋公园活动物资']);
    expect(by('动感乐园铺设软质地垫').proposalId).not.toBeNull();
    expect(by('动感乐园铺设软质地垫').funding).toMatchObject({ budgetFen: 2_400_000, governmentFen: 1_600_000, donationsFen: 880_000, spentFen: 2_380_000, balanceFen: 100_000, volunteerMinutes: 960 });
    expect(by('单元门口加装扶手和坡道').funding).toMatchObject({ pledgedFen: 30_000, donationsFen: 0 });
    expect(by('口袋公园活动物资').funding.stock).toEqual([
      { item: '儿童图书', unit: '本', received: 70, used: 0, left: 70 }, { item: '帐篷', unit: '顶', received: 12, used: 10, left: 2 },
    ]);
    expect(s.generalFund).toMatchObject({ pledgedFen: 8_800 });
    expect(Verification.parse((await api.call('GET', '/api/ledger/verify?community=chating')).body)).toMatchObject({ ok: true, length: s.length });
    const exported = JSON.stringify((await api.call('GET', '/api/ledger/export.json?community=chating')).body);
    expect(exported).toContain('南京橡胶制品厂');
    expect(exported).not.toContain('donor1');
    expect(exported).not.toContain(demoUsers.find((u) => u.id === 'donor1')!.displayName);
    expect(exported).toContain(demoUsers.find((u) => u.id === 'resident10')!.displayName);
    // The seed again (as after an interruption): every write replays, nothing is added.
    await seedDonations(documentClient());
    expect(LedgerExport.parse((await api.call('GET', '/api/ledger/export.json?community=chating')).body).length).toBe(s.length);
  }, 60_000);
});
