/** Now, as ISO-8601 UTC; use cases take a clock so tests can fix time. */
export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();
