export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
/**
 * Untimed rounds before an overhead's samples. The adapter's path (HTTP, middy, zod, the use case)
 * is far more code than a bare SDK call, and V8 optimises it only after some dozens of requests:
 * without a warm-up the first of 60 samples were timed while it was still being compiled.
 */
export const warmUp = 30;
