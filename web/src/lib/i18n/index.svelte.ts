/**
 * The language of the site: a rune holding 'zh-CN' or 'en', `t()` to look up a message, and the
 * switch (remembered in localStorage, mirrored on <html lang>). Prerendered HTML is Chinese; the
 * remembered language is applied after hydration so the markup always matches on hydration.
 */
import { en } from './en.js';
import { zh, type MessageKey, type Messages } from './zh.js';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

const catalogues: Record<Lang, Messages> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'gongzhi.lang';

let current = $state<Lang>('zh-CN');

export const i18n = {
  get lang(): Lang {
    return current;
  },
};

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[current][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function apply(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function setLang(lang: Lang): void {
  apply(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode may refuse storage; the switch still works for this visit.
  }
}

/** Called once in the browser after hydration: apply the remembered language. */
export function restoreLang(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  apply(saved === 'en' ? 'en' : 'zh-CN');
}
