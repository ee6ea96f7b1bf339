/**
 * How the ballot pages write numbers, options and choices (one small module: every ballot page
 * needs some of it). Areas travel as integer 0.01 m² and ratios as integer pairs, so a page
 * never does floating-point arithmetic on an area; the pass/fail itself always comes from the
 * server's exact comparison, the percentages here are only for reading.
 */
import type { BallotOption, Choice } from '$contracts/ballots.js';
import { t, type MessageKey } from '$lib/i18n/index.svelte.js';

/** 853217 → "8,532.17 m²" (exact: the hundredths are the integer's last two digits). */
export function formatArea(centiM2: number, lang: string): string {
  const whole = Math.floor(centiM2 / 100);
  const hundredths = String(centiM2 % 100).padStart(2, '0');
  return `${new Intl.NumberFormat(lang).format(whole)}.${hundredths} m²`;
}

/** 2 of 3 → "66.7%": one decimal, rounded half up on integers; "—" when there is nothing to divide by. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** The share as a number in [0, 1] for drawing only. */
export const fraction = (part: number, whole: number): number => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0);

/** "ABCDE12345" → "ABCDE 12345": groups of five are easier to copy by hand (search ignores the spaces). */
export const groupCode = (code: string): string => code.replace(/(.{5})(?=.)/g, '$1 ');

const decisionKey: Record<string, MessageKey> = { yes: 'ballots.option.yes', no: 'ballots.option.no', abstain: 'ballots.option.abstain' };

/** "同意" / "Yes" for a decision's options (in the reader's language); a candidate's name as given. */
export const optionLabel = (o: BallotOption): string => (decisionKey[o.id] ? t(decisionKey[o.id]!) : o.label);

/** A choice in words: one option, or the approved candidates ("none" when the list is empty). */
export function choiceText(choice: Choice, options: BallotOption[]): string {
  const label = (id: string) => {
    const o = options.find((x) => x.id === id);
    return o ? optionLabel(o) : id;
  };
  if (typeof choice === 'string') return label(choice);
  return choice.length === 0 ? t('ballots.choice.none') : choice.map(label).join(t('ballots.listSeparator'));
}
