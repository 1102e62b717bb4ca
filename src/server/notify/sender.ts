import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Channel, Locale } from '../db/schema.ts';
import { postJson } from './http-post.ts';
import { renderEmailHtml, renderEmailText, renderSlack, renderTeams, renderWebex } from './render.ts';
import { openSecret } from './secret-box.ts';
import { signWebhook } from './signature.ts';
import { renderMessage } from './templates.ts';

/** A claimed delivery with what is needed to send it. */
export interface OutgoingDelivery {
  id: string;
  eventId: string;
  partnerId: string | null;
  channel: Channel;
  target: string;
  locale: Locale;
  timeZone: string;
  kind: string;
  category: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  /** The subscription's sealed secret (generic webhooks). */
  secret: string | null;
}

export interface MailboxEntry {
  id: string;
  deliveryId: string;
  partnerId: string | null;
  messageId: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

export interface SendOutcome {
  ok: boolean;
  permanent: boolean;
  statusCode: number | null;
  error: string | null;
  excerpt: string | null;
  /** Set when e-mail is kept in the built-in mailbox instead of being sent. */
  mailbox?: MailboxEntry;
}

export interface Sender {
  send(delivery: OutgoingDelivery): Promise<SendOutcome>;
  close(): void;
}

/** Message-ID of the e-mail for a delivery: stable across retries, so receivers can de-duplicate. */
export function messageIdFor(deliveryId: string): string {
  return `<${deliveryId}@diops>`;
}

/** The body a generic webhook receives (documented in docs/notifications.md). */
/** The delivery's message in its recipient's language and zone. */
function messageFor(delivery: OutgoingDelivery, publicUrl: string) {
  return renderMessage(delivery.kind, delivery.payload, {
    locale: delivery.locale,
    timeZone: delivery.timeZone,
    publicUrl,
    partnerId: delivery.partnerId,
  });
}

export function genericWebhookBody(delivery: OutgoingDelivery, publicUrl: string): string {
  const message = messageFor(delivery, publicUrl);
  return JSON.stringify({
    id: delivery.id,
    eventId: delivery.eventId,
    type: delivery.kind,
    category: delivery.category,
    occurredAt: delivery.occurredAt.toISOString(),
    subject: { type: delivery.subjectType, id: delivery.subjectId, url: message.link.url },
    data: delivery.payload,
    message: {
      locale: delivery.locale,
      timeZone: delivery.timeZone,
      title: message.subject,
      text: renderEmailText(message),
    },
  });
}

function smtpError(error: unknown): SendOutcome {
  const smtp = error as { responseCode?: number; message?: string };
  const code = typeof smtp.responseCode === 'number' ? smtp.responseCode : null;
  return {
    ok: false,
    // 5xx is the server saying "never": a bad address will not get better by retrying.
    permanent: code !== null && code >= 500,
    statusCode: code,
    error: smtp.message ?? String(error),
    excerpt: null,
  };
}

export function createSender(config: Config): Sender {
  const transport = config.smtpUrl
    ? nodemailer.createTransport({
        url: config.smtpUrl,
        pool: true,
        maxConnections: 5,
        maxMessages: Number.POSITIVE_INFINITY,
        connectionTimeout: config.webhookTimeoutMs,
        greetingTimeout: config.webhookTimeoutMs,
        socketTimeout: 2 * config.webhookTimeoutMs,
      })
    : null;
  const postOptions = (headers: Record<string, string>) => ({
    allowNetworks: config.webhookAllowNetworks,
    timeoutMs: config.webhookTimeoutMs,
    headers,
  });

  async function sendEmail(delivery: OutgoingDelivery): Promise<SendOutcome> {
    const message = messageFor(delivery, config.publicUrl);
    const text = renderEmailText(message);
    const html = renderEmailHtml(message, delivery.locale);
    const messageId = messageIdFor(delivery.id);
    if (!transport) {
      return {
        ok: true,
        permanent: false,
        statusCode: null,
        error: null,
        excerpt: 'kept in the built-in mailbox (no SMTP_URL)',
        mailbox: {
          id: delivery.id,
          deliveryId: delivery.id,
          partnerId: delivery.partnerId,
          messageId,
          recipient: delivery.target,
          subject: message.subject,
          text,
          html,
        },
      };
    }
    try {
      const info = await transport.sendMail({
        from: config.mailFrom,
        to: delivery.target,
        subject: message.subject,
        text,
        html,
        messageId,
        headers: {
          'Auto-Submitted': 'auto-generated',
          'X-DIOps-Event': delivery.kind,
          'X-DIOps-Event-Id': delivery.eventId,
        },
      });
      return {
        ok: true,
        permanent: false,
        statusCode: 250,
        error: null,
        excerpt: String(info.response ?? '').slice(0, 1024),
      };
    } catch (error) {
      return smtpError(error);
    }
  }

  async function sendWebhook(delivery: OutgoingDelivery): Promise<SendOutcome> {
    const base = {
      'idempotency-key': delivery.id,
      'x-diops-message-id': delivery.id,
      'x-diops-event': delivery.kind,
    };
    if (delivery.channel === 'webhook') {
      if (!delivery.secret)
        return {
          ok: false,
          permanent: true,
          statusCode: null,
          error: 'the subscription has no secret',
          excerpt: null,
        };
      const body = genericWebhookBody(delivery, config.publicUrl);
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = signWebhook(openSecret(delivery.secret, config.secretsKey), timestamp, body);
      return postJson(
        delivery.target,
        body,
        postOptions({ ...base, 'x-diops-timestamp': String(timestamp), 'x-diops-signature': signature }),
      );
    }
    const message = messageFor(delivery, config.publicUrl);
    const render =
      delivery.channel === 'slack' ? renderSlack : delivery.channel === 'teams' ? renderTeams : renderWebex;
    return postJson(delivery.target, JSON.stringify(render(message)), postOptions(base));
  }

  return {
    async send(delivery) {
      try {
        return delivery.channel === 'email' ? await sendEmail(delivery) : await sendWebhook(delivery);
      } catch (error) {
        return {
          ok: false,
          permanent: false,
          statusCode: null,
          error: (error as Error).message,
          excerpt: null,
        };
      }
    },
    close() {
      transport?.close();
    },
  };
}
