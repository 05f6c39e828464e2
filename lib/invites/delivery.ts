import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invites } from '@/db/schema';
import { recordInviteEvent } from './queries';

/** After the last attempt failed, the invite's timeline says so (the client can resend). */
export async function recordDeliveryFailure(
  db: Db,
  outboxId: string,
  error: string,
): Promise<void> {
  const [invite] = await db
    .select({ id: invites.id })
    .from(invites)
    .where(eq(invites.lastOutboxId, outboxId));
  if (invite) {
    await recordInviteEvent(db, {
      inviteId: invite.id,
      type: 'delivery_failed',
      actorId: null,
      detail: error.slice(0, 300),
    });
  }
}
