/** Now, as ISO-8601 UTC; use cases take a clock so tests can fix time. */
export type Clock = () => string;

let offsetMs = 0;
export const systemClock: Clock = () => new Date(Date.now() + offsetMs).toISOString();

/**
 * Local development only (the dev server's `POST /api/dev/clock`): moves this process's clock
 * forward so a 7-day notice period can end in a demo or a test. Nothing deployed calls it.
 */
export const advanceSystemClock = (ms: number): string => {
  offsetMs += ms;
  return systemClock();
};
