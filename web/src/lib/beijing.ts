/**
 * Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving) for the activity pages: weeks
 * start on Monday, dates are `YYYY-MM-DD`, times `HH:MM`; the wire always carries ISO UTC.
 */
/** A BCP 47 language tag ('zh-CN' or 'en'); a plain string keeps this file free of Svelte runes for tsc. */
type Lang = string;

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The Beijing calendar date of an instant. */
export const beijingDate = (iso: string | Date): string =>
  new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The Beijing wall-clock time of an instant, `HH:MM`. */
export const beijingClock = (iso: string): string => new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(11, 16);

/** A Beijing date and wall-clock time → ISO UTC. */
export const fromBeijing = (date: string, time: string): string => new Date(`${date}T${time}:00+08:00`).toISOString();

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return addDays(date, 1 - weekday);
}

/** The seven dates of the week starting `monday`. */
export const weekDates = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** "12月1日 星期二" / "Tuesday, December 1": a day as a heading. */
export const formatDay = (date: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' })
    .format(new Date(`${date}T00:00:00Z`));

/** "12月1日 09:00–10:30": an activity's span in Beijing time. */
export const formatSpan = (startsAt: string, endsAt: string, lang: Lang): string =>
  `${formatDay(beijingDate(startsAt), lang)} ${beijingClock(startsAt)}–${beijingClock(endsAt)}`;
