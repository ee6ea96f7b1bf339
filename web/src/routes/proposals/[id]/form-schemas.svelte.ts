/**
 * The residents' forms on a proposal page check their input with the API's own request schemas,
 * but zod is downloaded only when someone first starts writing (focus) or sends a form: reading
 * a proposal or backing it never loads it (first-load budget, 50 KiB gzip).
 */
type Bodies = typeof import('./form-bodies.js');

let loaded = $state.raw<Bodies | null>(null);
let pending: Promise<Bodies> | null = null;

/** The schemas once loaded (the forms' live error messages wait for them). */
export const bodies = {
  get current(): Bodies | null {
    return loaded;
  },
};

export function loadBodies(): Promise<Bodies> {
  pending ??= import('./form-bodies.js').then((m) => (loaded = m));
  return pending;
}
