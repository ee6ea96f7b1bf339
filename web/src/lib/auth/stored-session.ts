/** The signed-in session as kept in localStorage: the bearer token and where it came from. */
export interface StoredSession {
  token: string;
  userId: string;
  /** ISO time after which the token is no longer accepted. */
  expiresAt: string;
  provider: 'dev' | 'oidc';
  /**
   * The ID token, kept only when the Bearer token is another one (apiToken 'access'): signing out
   * hands it to the provider's end_session_endpoint as id_token_hint, which tells it whose session
   * to end without asking the person again. With apiToken 'id' the token above is the ID token.
   */
  idToken?: string;
}

const KEY = 'gongzhi.session';

export function readSession(): StoredSession | null {
  if (typeof localStorage === 'undefined') return null;
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Record<keyof StoredSession, unknown>>;
    if (typeof s.token !== 'string' || typeof s.userId !== 'string' || typeof s.expiresAt !== 'string') return null;
    // A token that is about to lapse is treated as gone, so we never send one the API will refuse.
    if (Date.parse(s.expiresAt) - Date.now() < 30_000) {
      localStorage.removeItem(KEY);
      return null;
    }
    // Anything but a dev session is a provider's: those stored before sign-in was provider-neutral say 'cognito'.
    return { ...(s as StoredSession), provider: s.provider === 'dev' ? 'dev' : 'oidc' };
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the session lasts for this page only.
  }
}
