/** One JSON line per event, so CloudWatch Logs Insights can query fields. */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: Level = 'info';

export const setLogLevel = (level: Level): void => { threshold = level; };

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < order[threshold]) return;
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  (level === 'error' ? console.error : console.log)(line);
}
