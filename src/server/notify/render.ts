import { escapeHtml } from './format.ts';
import type { Message } from './templates.ts';

/** One neutral message, rendered per channel: e-mail text and HTML, and the chat webhook bodies. */

export function renderEmailText(message: Message): string {
  const lines = [message.intro, ''];
  if (message.body) lines.push(message.body, '');
  const width = Math.max(0, ...message.facts.map((fact) => fact.label.length));
  for (const fact of message.facts) lines.push(`${`${fact.label}:`.padEnd(width + 2)}${fact.value}`);
  if (message.facts.length > 0) lines.push('');
  lines.push(`${message.link.label}: ${message.link.url}`, '', '-- ', message.footer);
  return `${lines.join('\n')}\n`;
}

export function renderEmailHtml(message: Message, lang: string): string {
  const facts = message.facts
    .map(
      (fact) =>
        `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;color:#444;vertical-align:top">${escapeHtml(fact.label)}</th><td style="padding:4px 0">${escapeHtml(fact.value)}</td></tr>`,
    )
    .join('');
  const body = message.body
    ? `<div style="white-space:pre-wrap;border-left:3px solid #1c6fc4;padding:8px 12px;margin:16px 0;background:#f5f8fc">${escapeHtml(message.body)}</div>`
    : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(message.subject)}</h1>
<p>${escapeHtml(message.intro)}</p>${body}
${facts ? `<table role="presentation" style="border-collapse:collapse;margin:12px 0">${facts}</table>` : ''}
<p><a href="${escapeHtml(message.link.url)}" style="display:inline-block;background:#1c5fa8;color:#fff;padding:8px 16px;border-radius:4px;text-decoration:none">${escapeHtml(message.link.label)}</a></p>
<p style="color:#555;font-size:12px;margin-top:24px">${escapeHtml(message.footer)}</p>
</body></html>`;
}

/** Markdown for Webex and Teams; characters that would start markup in user text are escaped. */
function markdownEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function renderMarkdown(message: Message): string {
  const lines = [`**${markdownEscape(message.subject)}**`, '', markdownEscape(message.intro)];
  if (message.body) lines.push('', ...message.body.split('\n').map((line) => `> ${markdownEscape(line)}`));
  if (message.facts.length > 0) lines.push('');
  for (const fact of message.facts)
    lines.push(`- **${markdownEscape(fact.label)}:** ${markdownEscape(fact.value)}`);
  lines.push('', `[${markdownEscape(message.link.label)}](${message.link.url})`);
  return lines.join('\n');
}

/** Webex incoming webhook: `{markdown}`. */
export function renderWebex(message: Message): object {
  return { markdown: renderMarkdown(message) };
}

/** Slack's mrkdwn escapes only &, < and >. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack incoming webhook: a plain `text` fallback plus Block Kit blocks. */
export function renderSlack(message: Message): object {
  const blocks: object[] = [
    { type: 'header', text: { type: 'plain_text', text: message.subject.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: slackEscape(message.intro) } },
  ];
  if (message.body)
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: slackEscape(message.body)
          .split('\n')
          .map((l) => `>${l}`)
          .join('\n'),
      },
    });
  if (message.facts.length > 0)
    blocks.push({
      type: 'section',
      fields: message.facts.slice(0, 10).map((fact) => ({
        type: 'mrkdwn',
        text: `*${slackEscape(fact.label)}*\n${slackEscape(fact.value)}`,
      })),
    });
  blocks.push({
    type: 'actions',
    elements: [
      { type: 'button', text: { type: 'plain_text', text: message.link.label }, url: message.link.url },
    ],
  });
  return { text: `${message.subject}\n${message.link.url}`, blocks };
}

/** Microsoft Teams incoming webhook (Workflows): a message carrying one Adaptive Card. */
export function renderTeams(message: Message): object {
  const body: object[] = [
    { type: 'TextBlock', size: 'Medium', weight: 'Bolder', text: message.subject, wrap: true },
    { type: 'TextBlock', text: message.intro, wrap: true },
  ];
  if (message.body) body.push({ type: 'TextBlock', text: message.body, wrap: true, separator: true });
  if (message.facts.length > 0)
    body.push({
      type: 'FactSet',
      facts: message.facts.map((fact) => ({ title: fact.label, value: fact.value })),
    });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: [{ type: 'Action.OpenUrl', title: message.link.label, url: message.link.url }],
        },
      },
    ],
  };
}
