/**
 * `npm run drill:restore` in-process: the copy-back puts the damaged community back exactly and its ledger
 * verifies (PASS); the same drill without the copy-back must FAIL, or the drill would prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { runDrill } from '../../functions/admin/restore-drill.js';

describe('the restore drill', () => {
  it('passes: export, loss, import --replace, the same export again, and the ledger verifies', async () => {
    const lines: string[] = [];
    const r = await runDrill({ log: (l) => lines.push(l) });
    expect(r).toEqual({ ok: true, differences: [], ledgerOk: true });
    expect(lines.at(-1)).toMatch(/^PASS/);
    expect(lines.join('\n')).toMatch(/simulated a loss: deleted 3 of 6 proposals .*booking.*ledger entry.*after the restore point/);
    expect(lines.join('\n')).toMatch(/import-community --replace: wrote \d+ items, deleted proposals 1/);
  }, 120_000);

  it('fails when the copy-back is skipped: the loss shows in the export and the ledger', async () => {
    const lines: string[] = [];
    const r = await runDrill({ copyBack: false, log: (l) => lines.push(l) });
    expect(r.ok).toBe(false);
    expect(r.ledgerOk).toBe(false);
    expect(r.differences).toEqual(expect.arrayContaining([
      expect.stringMatching(/^proposals: 6 missing/), expect.stringMatching(/^proposals: 1 extra/),
      expect.stringMatching(/^activities: 1 missing \(USER#/), expect.stringMatching(/^activities: 1 changed \(ACTIVITY#/),
      expect.stringMatching(/^donations: 1 missing/), expect.stringMatching(/^donations: 1 changed/),
    ]));
    expect(lines.join('\n')).toContain('copy-back SKIPPED');
    expect(lines.at(-1)).toMatch(/^FAIL/);
  }, 120_000);
});
