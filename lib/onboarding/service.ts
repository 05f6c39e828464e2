import { isIP } from 'node:net';
import type { Db } from '@/db/client';
import { freelancerProfiles } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { enqueuePayeeSync } from '@/lib/payments/payee-sync-queue';
import type { BasicInfo } from './schemas';

/**
 * Basic info is one row; terms acceptance is stamped with the time it was given and the
 * address it came from (Stripe Connect asks for both when it opens the payout account). An
 * address the request did not reveal ("unknown" behind a proxy miscount) is not kept. The
 * row and the payee sync's job are one transaction.
 */
export async function saveBasicInfo(
  db: Db,
  actor: { userId: string; ip: string | null },
  info: BasicInfo,
): Promise<void> {
  const now = clockNow();
  const values = {
    firstName: info.firstName,
    lastName: info.lastName,
    country: info.country,
    timeZone: info.timeZone,
    phone: info.phone ?? null,
    termsAcceptedAt: now,
    termsAcceptedIp: actor.ip && isIP(actor.ip) ? actor.ip : null,
    basicInfoCompletedAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(freelancerProfiles)
      .values({ userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: freelancerProfiles.userId, set: values });
    // An account opened before may be asking for the terms' acceptance (or the name, the
    // phone): sent by the payee sync, only what it lists as due.
    await enqueuePayeeSync(tx, actor.userId);
  });
}
