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
import type { ActivitiesKey } from './activities-zh.js';
import type { ProposalKey } from './proposal-zh.js';
import type { ProposalListKey } from './proposal-list-zh.js';
import type { ProposalCardKey } from './proposal-card-zh.js';
import type { BookingKey } from './booking-zh.js';
import type { ProposalFormKey } from './proposal-form-zh.js';
import type { FormsKey } from './forms-zh.js';
import type { JoiningKey } from './joining-zh.js';
import type { JoiningCodesKey } from './joining-codes-zh.js';
import type { RegistryKey } from './registry-zh.js';
import type { RegistryDeskKey } from './registry-desk-zh.js';
import type { RegistryAuditKey } from './registry-audit-zh.js';
import type { BellKey } from './bell-zh.js';
import type { NotificationsKey } from './notifications-zh.js';
import type { CallsKey } from './calls-zh.js';
import { zh, type MessageKey as PublicKey, type Messages } from './zh.js';

export type Lang = 'zh-CN' | 'en';
/** Every message: the public ones, always loaded, and the committee and staff ones (see staff.ts). */
export type MessageKey = PublicKey | FormsKey | StaffKey | AccountKey | ProposalDetailKey | ScreenKey | HomeKey | ProposeKey | NoticeKey | BallotsKey | LedgerKey | ActivitiesKey | ProposalKey | ProposalListKey | ProposalCardKey | BookingKey | ProposalFormKey | JoiningKey | JoiningCodesKey | RegistryKey | RegistryDeskKey | RegistryAuditKey | BellKey | NotificationsKey | CallsKey;

const catalogues: Partial<Record<Lang, Messages>> = { 'zh-CN': zh };
/** Messages added by code loaded later (the committee and staff tools). */
const added: Record<Lang, Record<string, string>> = { 'zh-CN': {}, en: {} };

export function addMessages(zhMore: Record<string, string>, enMore: Record<string, string>): void {
  Object.assign(added['zh-CN'], zhMore);
  Object.assign(added.en, enMore);
}

/** Fetches of the English halves of area catalogues, each made at most once (see addChineseFirst). */
const englishParts: (() => Promise<void>)[] = [];
/** Bumped when an English part arrives, so `t()` shows it at once. */
let englishArrived = $state(0);

/**
 * An area's messages with only the Chinese half in the page's download: `loadEnglish` (a dynamic
 * import) is fetched when someone reads English, before the site switches to it, or at once when
 * the area is opened in English. Until it arrives (a moment, on first opening an area in English)
 * `t()` shows the Chinese message, never a raw key.
 */
export function addChineseFirst(zhMore: Record<string, string>, loadEnglish: () => Promise<Record<string, string>>): void {
  Object.assign(added['zh-CN'], zhMore);
  let fetching: Promise<void> | null = null;
  const part = () => (fetching ??= loadEnglish().then((m) => {
    Object.assign(added.en, m);
    englishArrived += 1;
  }, (e: unknown) => {
    fetching = null;
    throw e;
  }));
  englishParts.push(part);
  if (current === 'en') void part().catch(() => undefined);
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
  void englishArrived;
  const text = (catalogues[current] as Record<string, string> | undefined)?.[key] ?? added[current][key] ?? added['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Switches only once the language's messages are here, so no page ever shows raw keys. */
async function apply(lang: Lang): Promise<void> {
  if (lang === 'en') {
    // Areas that register while this waits (a page's parts loading meanwhile) are fetched too:
    // wait again until every registered part is here.
    const core = catalogues.en ?? await import('./en.js').then((m) => m.en);
    let waited = 0;
    do {
      waited = englishParts.length;
      await Promise.all(englishParts.map((part) => part()));
    } while (englishParts.length > waited);
    // Nothing awaits from here on, so no area can register unseen before the switch.
    catalogues.en = core;
  }
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
