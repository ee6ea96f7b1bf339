/**
 * The `auth` part of config.json as infra/identity.ts writes it: Cognito with its three endpoints,
 * or a generic OpenID Connect issuer whose endpoints may come from discovery. Anything a page could
 * not sign in with safely (no TLS, no openid scope, an unknown provider or token) is refused.
 */
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../web/src/lib/auth/site-config.js';

const hosted = 'https://gongzhi.auth.ap-east-1.amazoncognito.com';
const cognito = {
  provider: 'cognito', issuer: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_Abc', clientId: 'abc123',
  scope: 'openid email phone profile', apiToken: 'id',
  authorizationEndpoint: `${hosted}/oauth2/authorize`, tokenEndpoint: `${hosted}/oauth2/token`, endSessionEndpoint: `${hosted}/logout`,
};
const oidc = { provider: 'oidc', issuer: 'https://id.example.org/realms/chating', clientId: 'gongzhi', scope: 'openid profile', apiToken: 'access' };

describe('config.json', () => {
  it('takes a Cognito deployment and a generic one without endpoints', () => {
    expect(parseSiteConfig({ apiBase: '/api', auth: cognito })?.auth).toEqual(cognito);
    expect(parseSiteConfig({ auth: oidc })).toEqual({ apiBase: '/api', auth: oidc });
  });

  it.each([
    ['the old shape', { apiBase: '/api', cognito: { domain: hosted, clientId: 'abc123', region: 'ap-east-1' } }],
    ['an http issuer', { auth: { ...oidc, issuer: 'http://id.example.org/realms/chating' } }],
    ['an http token endpoint', { auth: { ...oidc, tokenEndpoint: 'http://id.example.org/token' } }],
    ['a scope without openid', { auth: { ...oidc, scope: 'profile email' } }],
    ['a scope that only looks like openid', { auth: { ...oidc, scope: 'openidx profile' } }],
    ['an unknown provider', { auth: { ...oidc, provider: 'saml' } }],
    ['an unknown API token', { auth: { ...oidc, apiToken: 'refresh' } }],
    ['no client id', { auth: { ...oidc, clientId: '' } }],
    ['no body', null],
  ])('refuses %s', (_what, body) => {
    expect(parseSiteConfig(body)).toBeNull();
  });
});
