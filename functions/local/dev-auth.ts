/**
 * Local sign-in: the dev server signs short-lived HS256 tokens for demo users and verifies them
 * on each request, then hands the claims to the handler exactly where API Gateway's JWT
 * authorizer would. Never part of the CDK app.
 */
import { createSecretKey, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import { MEMORY } from './dynamo.js';

const ISSUER = 'gongzhi-local';
const AUDIENCE = 'gongzhi-web';
const LIFETIME_S = 12 * 3600;

/** The signing key survives restarts (kept beside the data), so a restart keeps people signed in. */
function loadSecret(dataDir: string): Uint8Array {
  if (dataDir === MEMORY) return randomBytes(32);
  const file = join(dataDir, 'dev-signing-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}

export interface DevAuth {
  sign(userId: string, name: string): Promise<{ token: string; expiresAt: string }>;
  /** API Gateway passes claims as strings; so do we. Null when the token is missing or bad. */
  verify(authorization: string | undefined): Promise<Record<string, string> | null>;
}

export function createDevAuth(dataDir: string): DevAuth {
  // A KeyObject made once: jose would otherwise import the raw bytes into WebCrypto on every request.
  const secret = createSecretKey(loadSecret(dataDir));
  // A token is verified once and its claims kept until it expires (a token never changes, and neither
  // does the key in a running server): each later request only checks the clock.
  const verified = new Map<string, { claims: Record<string, string>; expMs: number }>();
  return {
    async sign(userId, name) {
      const exp = Math.floor(Date.now() / 1000) + LIFETIME_S;
      const token = await new SignJWT({ name, token_use: 'id' })
        .setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer(ISSUER).setAudience(AUDIENCE)
        .setIssuedAt().setExpirationTime(exp).sign(secret);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match) return null;
      const token = match[1]!;
      const kept = verified.get(token);
      if (kept) {
        if (Date.now() < kept.expMs) return kept.claims;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const claims = Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, String(v)]));
        if (verified.size >= 1000) verified.delete(verified.keys().next().value!);
        verified.set(token, { claims, expMs: Number(payload.exp) * 1000 });
        return claims;
      } catch {
        return null;
      }
    },
  };
}
