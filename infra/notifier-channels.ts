/**
 * What the notifier may send through, from the deployment's settings (settings.ts `notify*`): the
 * environment functions/shared/config.ts parses, and the one permission each enabled channel needs.
 * A channel that is off gets neither: no SES and no SMS permission exists unless it is configured.
 */
import { SecretValue, Stack } from 'aws-cdk-lib';
import { Grant, type IRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeWildcard } from './acknowledge.js';
import { senderAddress, type NotifySettings } from './settings.js';

export function channelEnvironment(n: NotifySettings, siteUrl: string): Record<string, string> {
  return {
    NOTIFY_EMAIL: n.emailFrom ? 'ses' : 'off',
    ...(n.emailFrom ? { NOTIFY_EMAIL_FROM: n.emailFrom } : {}),
    NOTIFY_SMS: n.sms,
    ...(n.smsOrigination ? { NOTIFY_SMS_ORIGINATION: n.smsOrigination } : {}),
    ...(n.smsWebhook ? {
      NOTIFY_SMS_WEBHOOK_URL: n.smsWebhook.url,
      // A dynamic reference: CloudFormation reads the secret at deploy time, so the token is in neither
      // cdk.json nor the template, and the function's role needs no access to the secret.
      NOTIFY_SMS_WEBHOOK_TOKEN: SecretValue.secretsManager(n.smsWebhook.tokenSecret).unsafeUnwrap(),
    } : {}),
    SITE_URL: siteUrl,
  };
}

/** The SES identities a sender is authorized by: its address, or the domain verified for it. */
export function senderIdentities(from: string): string[] {
  const address = senderAddress(from);
  return [address, address.slice(address.indexOf('@') + 1)];
}

export function grantChannels(scope: Construct, role: IRole, n: NotifySettings): void {
  const stack = Stack.of(scope);
  if (n.emailFrom) {
    Grant.addToPrincipal({
      grantee: role,
      actions: ['ses:SendEmail'],
      resourceArns: senderIdentities(n.emailFrom).map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
    });
  }
  if (n.sms === 'aws') {
    const smsResources = stack.formatArn({ service: 'sms-voice', resource: '*' });
    Grant.addToPrincipal({ grantee: role, actions: ['sms-voice:SendTextMessage'], resourceArns: [smsResources] });
    acknowledgeWildcard(role, smsResources,
      'SendTextMessage is authorized against the origination identity, opt-out list and configuration set End User Messaging SMS uses, which it may choose itself or take by phone number or sender id rather than ARN: the one action, on this account and region only.');
  }
}
