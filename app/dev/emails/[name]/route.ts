import { createElement } from 'react';
import { EMAIL_PREVIEWS } from '@/emails/previews';
import { isMailboxEnabled } from '@/lib/email/mailbox';
import { renderEmail } from '@/lib/email/render';

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const preview = Object.hasOwn(EMAIL_PREVIEWS, name) ? EMAIL_PREVIEWS[name] : undefined;
  if (!isMailboxEnabled() || !preview) return new Response('Not found', { status: 404 });
  const { html, text } = await renderEmail(createElement(preview.component));
  const asText = new URL(request.url).searchParams.get('format') === 'text';
  return new Response(asText ? text : html, {
    headers: {
      'content-type': asText ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
