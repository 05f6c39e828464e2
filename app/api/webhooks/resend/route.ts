import { getDatabase } from '@/db';
import { getEnv } from '@/lib/env';
import { applyResendEvent } from '@/lib/invites/webhooks';
import { verifySvixSignature } from '@/lib/security/webhook-signature';

export const dynamic = 'force-dynamic';

/** Resend's delivery events. The signature is checked on the raw body before anything else. */
export async function POST(request: Request) {
  const secret = getEnv().RESEND_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: 'webhooks are not configured' }, { status: 404 });
  const raw = await request.text();
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
