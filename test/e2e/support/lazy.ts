/** Steps for pages whose later parts load as the reader scrolls near them (LazyPart when="visible"). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** How many parts on the page still wait for the reader (parts this page hides, e.g. in elder mode, not counted). */
const waitingParts = (page: Page): Promise<number> => page.evaluate(() =>
  Array.from(document.querySelectorAll('.lazy-slot')).filter((slot) => slot.getClientRects().length > 0).length);

/**
 * Scrolls the first part still waiting for the reader into view, waits until it (or any other)
 * has loaded, and so on until none is left; then back to the top. Unlike scrolling the whole page
 * in jumps, every part is seen by the browser (a jump made between two frames is never seen), and
 * each load is waited for: `networkidle` cannot wait for it, since that state, once reached after
 * the page loaded, stays reached.
 */
export async function scrollToEveryPart(page: Page): Promise<void> {
  for (let left = await waitingParts(page), rounds = 0; left > 0 && rounds < 30; left = await waitingParts(page), rounds++) {
    await page.evaluate(() => Array.from(document.querySelectorAll('.lazy-slot'))
      .find((slot) => slot.getClientRects().length > 0)?.scrollIntoView({ block: 'center' }));
    await expect.poll(() => waitingParts(page), { timeout: 15_000 }).toBeLessThan(left);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
