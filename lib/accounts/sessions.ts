import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';

/** Ends every session of the user, this browser's included. */
export async function signOutEverywhere(
  db: Db,
  userId: string,
  ip?: string | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ token: sessions.sessionToken });
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.sign_out_everywhere',
      targetType: 'user',
      targetId: userId,
      ip,
      detail: `${ended.length} sessions ended`,
    });
    return ended.length;
  });
}
