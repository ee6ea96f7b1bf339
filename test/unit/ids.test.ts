/** Ids: ulids from the pooled CSPRNG (functions/shared/ids.ts), unique, sorted by creation, uniform. */
import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { newId, pooledRandom } from '../../functions/shared/ids.js';

describe('ids', () => {
  it('are valid ulids, unique and in creation order, across many pool refills', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(ids.every((id) => isValid(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(Math.abs(decodeTime(ids.at(-1)!) - Date.now())).toBeLessThan(5000);
  });

  it('draw random characters uniformly over [0, 1) in steps of 1/256', () => {
    const counts = new Array<number>(32).fill(0);
    const n = 64_000;
    for (let i = 0; i < n; i++) {
      const r = pooledRandom();
      expect(r >= 0 && r < 1 && Number.isInteger(r * 256)).toBe(true);
      counts[Math.floor(r * 32)]! += 1;
    }
    // Each of the 32 symbols ~2,000 times; 5 standard deviations either way (σ ≈ 44).
    for (const c of counts) expect(Math.abs(c - n / 32)).toBeLessThan(220);
  });
});
