import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { only, synthGongzhi } from './synth.js';

const cognito = (context?: Record<string, unknown>) => {
  const template = Template.fromStack(synthGongzhi({ context }).api);
  return {
    pool: only(template, 'AWS::Cognito::UserPool'),
    client: only(template, 'AWS::Cognito::UserPoolClient').Properties,
    domain: only(template, 'AWS::Cognito::UserPoolDomain').Properties,
  };
};

describe('Cognito', () => {
  const { pool, client, domain } = cognito();

  it('signs residents in by phone number or email, and lets them sign up', () => {
    expect([...pool.Properties.UsernameAttributes].sort()).toEqual(['email', 'phone_number']);
    expect([...pool.Properties.AutoVerifiedAttributes].sort()).toEqual(['email', 'phone_number']);
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(false);
  });

  it('asks for a strong password and offers MFA', () => {
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: 10, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true,
    });
    expect(pool.Properties.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.Properties.EnabledMfas).toContain('SOFTWARE_TOKEN_MFA');
  });

  it('keeps residents\' accounts when the stack goes away', () => {
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
  });

  it('gives the site a public client: authorization code only, no secret, OpenID scopes', () => {
    expect(client).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect([...client.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'phone', 'profile']);
  });

  it('redirects to the local server until a site domain is configured', () => {
    expect(client.CallbackURLs).toEqual(['http://localhost:3000/auth/callback']);
    expect(client.LogoutURLs).toEqual(['http://localhost:3000/']);
    expect(domain.Domain).toEqual({ 'Fn::Join': ['', ['gongzhi-', { Ref: 'AWS::AccountId' }]] });
  });

  it('redirects only to the site once siteDomain is set, under the chosen sign-in prefix', () => {
    const configured = cognito({ siteDomain: 'gongzhi.example.org', authDomainPrefix: 'chating-gongzhi' });
    expect(configured.client.CallbackURLs).toEqual(['https://gongzhi.example.org/auth/callback']);
    expect(configured.client.LogoutURLs).toEqual(['https://gongzhi.example.org/']);
    expect(configured.domain.Domain).toBe('chating-gongzhi');
  });

  it('refuses malformed settings before anything is synthesized', () => {
    expect(() => synthGongzhi({ context: { siteDomain: 'https://gongzhi.example.org/' } })).toThrow(/siteDomain/);
    expect(() => synthGongzhi({ context: { authDomainPrefix: 'Has Spaces' } })).toThrow(/authDomainPrefix/);
    expect(() => synthGongzhi({ context: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' } }))
      .toThrow(/needs 'siteDomain'/);
  });
});
