import { getDatabase } from '@/db';
import { getEnv } from '@/lib/env';
import { applyResendEvent } from '@/lib/invites/webhooks';
import { verifySvixSignature } from '@/lib/security/webhook-signature';
import { readWebhookBody } from '@/lib/server/form-body';

export const dynamic = 'force-dynamic';

/**
 * Resend's delivery events. The body is read with a cap (an unsigned 300 MB post must not be
 * read in full and refused after), then the signature is checked on it before anything else.
 */
export async function POST(request: Request) {
  const secret = getEnv().RESEND_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: 'webhooks are not configured' }, { status: 404 });
  const received = await readWebhookBody(request);
  if (!received.ok) return received.response;
  const { raw } = received;
  const headers = {
    id: request.headers.get('svix-id'),
    timestamp: request.headers.get('svix-timestamp'),
    signature: request.headers.get('svix-signature'),
  };
  if (!verifySvixSignature(secret, headers, raw)) {
    return Response.json({ error: 'invalid signature' }, { status: 401 });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return Response.json({ error: 'invalid JSON' }, { status: 400 });
  }
  const { db } = await getDatabase();
  const outcome = await applyResendEvent(db, headers.id!, body);
  return Response.json({ outcome }, { status: outcome === 'invalid' ? 400 : 200 });
}
