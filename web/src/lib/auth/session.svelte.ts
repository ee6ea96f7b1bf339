/** Who is signed in, shared by every page: the stored token and the caller's `Me`. */
import type { Me } from '$contracts/me.js';
import { ApiError, call, setUnauthorizedHandler } from '../http.js';
import { readSession, writeSession, type StoredSession } from './stored-session.js';

let stored = $state<StoredSession | null>(null);
let me = $state<Me | null>(null);
/** False until the stored session (and the caller's roles) have been read after page load. */
let ready = $state(false);

export const session = {
  get signedIn(): boolean {
    return stored !== null;
  },
  get me(): Me | null {
    return me;
  },
  get provider(): StoredSession['provider'] | null {
    return stored?.provider ?? null;
  },
  get ready(): boolean {
    return ready;
  },
};

/** Ends the session on this device; returns the one it ended (its provider may have one to end too). */
export function signOut(): StoredSession | null {
  const ended = stored;
  writeSession(null);
  stored = null;
  me = null;
  return ended;
}

setUnauthorizedHandler(signOut);

async function loadMe(): Promise<void> {
  try {
    me = await call<Me>('GET', '/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) signOut();
  }
}

/** Called once in the browser after hydration. */
export async function restoreSession(): Promise<void> {
  stored = readSession();
  if (stored) await loadMe();
  ready = true;
}

export async function signIn(next: StoredSession): Promise<void> {
  writeSession(next);
  stored = next;
  me = null;
  await loadMe();
}

/** A same-site path to return to after signing in (never another origin). */
export function safeNext(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/';
}
