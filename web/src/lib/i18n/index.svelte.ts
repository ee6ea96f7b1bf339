/**
 * The language of the site: a rune holding 'zh-CN' or 'en', `t()` to look up a message, and the
 * switch (remembered in localStorage, mirrored on <html lang>). Prerendered HTML is Chinese; the
 * remembered language is applied after hydration so the markup always matches on hydration.
 * Chinese is always loaded; the English catalogue is fetched only by someone who reads English.
 */
import type { StaffKey } from './staff-zh.js';
import type { LedgerKey } from './ledger-zh.js';
import type { BallotsKey } from './ballots-zh.js';
import type { AccountKey } from './account-zh.js';
import type { ProposalDetailKey } from './proposal-detail-zh.js';
import type { ScreenKey } from './screen-zh.js';
import type { HomeKey } from './home-zh.js';
import type { ProposeKey } from './propose-zh.js';
import type { NoticeKey } from './notice-zh.js';
import { zh, type MessageKey as PublicKey, type Messages } from './zh.js';

export type Lang = 'zh-CN' | 'en';
/** Every message: the public ones, always loaded, and the committee and staff ones (see staff.ts). */
export type MessageKey = PublicKey | StaffKey | AccountKey | ProposalDetailKey | ScreenKey | HomeKey | ProposeKey | NoticeKey | BallotsKey | LedgerKey;

const catalogues: Partial<Record<Lang, Messages>> = { 'zh-CN': zh };
/** Messages added by code loaded later (the committee and staff tools). */
const added: Record<Lang, Record<string, string>> = { 'zh-CN': {}, en: {} };

export function addMessages(zhMore: Record<string, string>, enMore: Record<string, string>): void {
  Object.assign(added['zh-CN'], zhMore);
  Object.assign(added.en, enMore);
}
const STORAGE_KEY = 'gongzhi.lang';

let current = $state<Lang>('zh-CN');

export const i18n = {
  get lang(): Lang {
    return current;
  },
};

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = (catalogues[current] as Record<string, string> | undefined)?.[key] ?? added[current][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Switches only once the language's messages are here, so no page ever shows raw keys. */
async function apply(lang: Lang): Promise<void> {
  if (!catalogues[lang]) catalogues[lang] = (await import('./en.js')).en;
  current = lang;
  document.documentElement.lang = lang;
}

export async function setLang(lang: Lang): Promise<void> {
  await apply(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode may refuse storage; the switch still works for this visit.
  }
}

/** Called once in the browser after hydration: apply the remembered language. */
export async function restoreLang(): Promise<void> {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  await apply(saved === 'en' ? 'en' : 'zh-CN').catch(() => undefined);
}
