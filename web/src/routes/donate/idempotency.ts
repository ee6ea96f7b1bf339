/**
 * One Idempotency-Key per submission. The same body sent again after the network failed (or the
 * server broke, 5xx) reuses its key, so the API answers with the first response instead of
 * recording the gift twice; any other answer settles the submission and the next one gets a new key.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older phones (before Chrome 92 / Safari 15.4): a version-4 UUID from the same random source.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class IdempotentSubmission {
  private key: string | null = null;
  private body: string | null = null;

  /** The key for this body: the pending one when it is the same body again, else a fresh one. */
  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.key && this.body === text) return this.key;
    this.key = newKey();
    this.body = text;
    return this.key;
  }

  /** After an answer: keep the key only when the outcome is unknown (network failure, 5xx). */
  settle(status: number): void {
    if (status === 0 || status >= 500) return;
    this.key = null;
    this.body = null;
  }
}
