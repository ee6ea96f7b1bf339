/**
 * Channels sit behind one interface; which adapter sends is configuration (shared/config.ts
 * `NOTIFY_SMS`, `NOTIFY_EMAIL`): Amazon SES for email, AWS End User Messaging SMS for SMS, an HTTPS
 * webhook for a provider AWS does not offer (the usual choice in mainland China, README), and the
 * development outbox locally. The SDK clients load on first send: only the notifier carries them.
 */
import type { Channel } from '../contracts/notifications.js';
import { awsRegion, type Config } from '../shared/config.js';
import type { Item } from '../shared/db/batch.js';

export interface OutgoingMessage {
  id: string;
  userId: string;
  /** +8613812345678 or an email address. */
  to: string;
  subject: string;
  text: string;
  notificationIds: string[];
}

export interface ChannelAdapter {
  readonly channel: Channel;
  /** Resolves once the provider accepted the message; throws otherwise (the notifier tries again later). */
  send(message: OutgoingMessage): Promise<void>;
}

export type Adapters = Partial<Record<Channel, ChannelAdapter>>;

/** Locally: every message is kept in the table, shown at `/dev/outbox`. */
export const devOutbox = (channel: Channel, record: (m: Item) => Promise<void>, clock: () => string): ChannelAdapter => ({
  channel,
  send: (m) => record({ ...m, channel, sentAt: clock() }),
});

export function sesEmail(from: string, region: string): ChannelAdapter {
  let client: Promise<{ send: (m: OutgoingMessage) => Promise<unknown> }> | undefined;
  const load = async () => {
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const ses = new SESv2Client({ region });
    return {
      send: (m: OutgoingMessage) => ses.send(new SendEmailCommand({
        FromEmailAddress: from, Destination: { ToAddresses: [m.to] },
        Content: { Simple: { Subject: { Data: m.subject, Charset: 'UTF-8' }, Body: { Text: { Data: m.text, Charset: 'UTF-8' } } } },
      })),
    };
  };
  return { channel: 'email', send: async (m) => { await (await (client ??= load())).send(m); } };
}

export function endUserMessagingSms(region: string, originationIdentity: string | undefined): ChannelAdapter {
  let client: Promise<{ send: (m: OutgoingMessage) => Promise<unknown> }> | undefined;
  const load = async () => {
    const { PinpointSMSVoiceV2Client, SendTextMessageCommand } = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
    const sms = new PinpointSMSVoiceV2Client({ region });
    return {
      send: (m: OutgoingMessage) => sms.send(new SendTextMessageCommand({
        DestinationPhoneNumber: m.to, MessageBody: m.text, MessageType: 'TRANSACTIONAL',
        ...(originationIdentity ? { OriginationIdentity: originationIdentity } : {}),
      })),
    };
  };
  return { channel: 'sms', send: async (m) => { await (await (client ??= load())).send(m); } };
}

/**
 * A provider behind an HTTPS endpoint of your own (a domestic SMS service's API, or a small bridge to
 * it): `POST {url}` with `{"id","to","text"}`, `Authorization: Bearer <token>`; any 2xx is accepted.
 */
export function webhookSms(url: string, token: string | undefined): ChannelAdapter {
  return {
    channel: 'sms',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ id: m.id, to: m.to, text: m.text }), signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`SMS webhook answered ${res.status}`);
    },
  };
}

export function adaptersFrom(cfg: Config, record: (m: Item) => Promise<void>, clock: () => string): Adapters {
  const n = cfg.notify;
  const out: Adapters = {};
  if (n.sms === 'dev') out.sms = devOutbox('sms', record, clock);
  if (n.sms === 'aws') out.sms = endUserMessagingSms(awsRegion(cfg), n.smsOrigination);
  if (n.sms === 'webhook') {
    if (!n.smsWebhook) throw new Error('NOTIFY_SMS=webhook needs NOTIFY_SMS_WEBHOOK_URL');
    out.sms = webhookSms(n.smsWebhook.url, n.smsWebhook.token);
  }
  if (n.email === 'dev') out.email = devOutbox('email', record, clock);
  if (n.email === 'ses') {
    if (!n.emailFrom) throw new Error('NOTIFY_EMAIL=ses needs NOTIFY_EMAIL_FROM (a verified sender)');
    out.email = sesEmail(n.emailFrom, awsRegion(cfg));
  }
  return out;
}
