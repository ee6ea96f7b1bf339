/**
 * Imported first by the bench: its thousands of requests log below the level and emit no metrics
 * (both are read when the first handler loads, which the bundle bench does before any platform).
 * The request overhead rows therefore leave out writing the one log line per request.
 */
process.env.LOG_LEVEL ??= 'warn';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
