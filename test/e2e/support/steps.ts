/** Steps shared by the journeys, written the way a person would do them. */
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { root, screenshotDir } from './site.js';

/** Dev sign-in: open /signin and press the demo user's button. */
export async function signInAs(page: Page, userId: string, next = '/'): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  const button = page.getByRole('button', { name: new RegExp(`\\s${userId}(\\s|$)`), includeHidden: true });
  await button.waitFor({ state: 'attached' });
  // Long groups show their first few people; the rest are behind "show N more".
  const folded = page.locator('details:not([open])', { has: button });
  if (await folded.count()) await folded.locator('summary').click();
  await button.click();
  await page.waitForURL((u) => u.pathname === next);
  await page.locator('header').getByRole('button', { name: /退出登录|Sign out/ }).waitFor();
}

export async function switchLanguage(page: Page, to: 'en' | 'zh-CN'): Promise<void> {
  await page.getByRole('button', { name: to === 'en' ? /English$/ : /中文$/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(to);
}

/** Waits until the app has hydrated (the header's buttons respond only after that). */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
}

/**
 * Loads every part that waits for the reader to scroll near it (LazyPart when="visible":
 * comments, receipts, the print notice), the way reading aloud, printing or a first key press
 * does (the `gongzhi:whole-page` event, web/src/lib/components/lazy-parts.ts), and waits until
 * none is left waiting. Call it before checking or using such parts; journeys that should scroll
 * like a reader use scrollToEveryPart (support/lazy.ts) instead.
 */
export async function revealLazyParts(page: Page): Promise<void> {
  await page.evaluate(() => dispatchEvent(new Event('gongzhi:whole-page')));
  await expect.poll(() => page.locator('.lazy-slot').count(), { timeout: 15_000 }).toBe(0);
  await page.waitForLoadState('networkidle');
}

interface AxeViolation { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }

/** Runs axe-core on the page as it is now; returns the violations (empty when none). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ path: resolve(root, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as never;
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
    .map((n) => `  - ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // A full-page picture shows what is below the fold too: load the lazy images first.
  await page.evaluate(() => Promise.all(Array.from(document.images).map((img) => {
    img.loading = 'eager';
    return img.decode().catch(() => undefined);
  })));
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
}

/** Waits until a QR code (QrCode.svelte: an image of uqr's SVG) is drawn, so a screenshot of it can be scanned. */
export async function qrDrawn(qr: Locator): Promise<void> {
  const img = qr.locator('img');
  await img.waitFor();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
}
