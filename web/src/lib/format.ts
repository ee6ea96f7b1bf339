/** Money is integer fen and times are ISO UTC on the wire; people see yuan and Beijing time. */
import type { Lang } from './i18n/index.svelte.js';

/** 123456 fen → "¥1,234.56" (exact: no floating point on the fen). */
export function formatFen(fen: number, lang: Lang): string {
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `¥${new Intl.NumberFormat(lang).format(yuan)}.${cents}`;
}

export function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short',
  }).format(new Date(iso));
}

/**
 * What a person typed as yuan → integer fen. Empty means "not given"; anything that is not a
 * plain amount with at most two decimals is `null` (the form shows its own message for it).
 */
export function yuanToFen(input: string): number | undefined | null {
  const text = input.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (text === '') return undefined;
  const match = /^(\d{1,12})(?:[.。](\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** A calendar date ("2026-12-01") as people write it; it names a day, so no time zone shifts it. */
export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${isoDate}T00:00:00Z`));
}
