import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { emailOutbox, invites, webhookEvents } from '@/db/schema';
import { recordInviteEvent } from './queries';

const EVENT_MAP = {
  'email.delivered': 'delivered',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
} as const;

const payloadSchema = z.object({
  type: z.string(),
  data: z.object({ email_id: z.string().min(1) }).loose(),
});

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored' | 'invalid';

/** Applies one Resend event once (by its svix id) to the invite whose latest email it is about. */
export async function applyResendEvent(
  db: Db,
  eventId: string,
  body: unknown,
): Promise<WebhookOutcome> {
  const parsed = payloadSchema.safeParse(body);
  if (!parsed.success) return 'invalid';
  const mapped = EVENT_MAP[parsed.data.type as keyof typeof EVENT_MAP];
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(webhookEvents)
      .values({ id: eventId, type: parsed.data.type })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (inserted.length === 0) return 'duplicate';
    if (!mapped) return 'ignored';
    const [target] = await tx
      .select({ inviteId: invites.id, current: invites.deliveryEvent })
      .from(emailOutbox)
      .innerJoin(invites, eq(invites.lastOutboxId, emailOutbox.id))
      .where(eq(emailOutbox.providerMessageId, parsed.data.data.email_id));
    if (!target) return 'ignored';
    // A bounce or complaint is final for that email; a late "delivered" does not undo it.
    if (mapped === 'delivered' && target.current && target.current !== 'delivered')
      return 'applied';
    await tx
      .update(invites)
      .set({ deliveryEvent: mapped, updatedAt: new Date() })
      .where(eq(invites.id, target.inviteId));
    await recordInviteEvent(tx, { inviteId: target.inviteId, type: mapped, actorId: null });
    return 'applied';
  });
}
