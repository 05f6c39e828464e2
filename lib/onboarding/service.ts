import type { Db } from '@/db/client';
import { freelancerProfiles } from '@/db/schema';
import type { BasicInfo } from './schemas';

/** Basic info is one row; terms acceptance is stamped with the time it was given. */
export async function saveBasicInfo(db: Db, userId: string, info: BasicInfo): Promise<void> {
  const now = new Date();
  const values = {
    firstName: info.firstName,
    lastName: info.lastName,
    country: info.country,
    timeZone: info.timeZone,
    phone: info.phone ?? null,
    termsAcceptedAt: now,
    basicInfoCompletedAt: now,
    updatedAt: now,
  };
  await db
    .insert(freelancerProfiles)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: freelancerProfiles.userId, set: values });
}
