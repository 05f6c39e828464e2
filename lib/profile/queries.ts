import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { freelancerProfiles, profiles } from '@/db/schema';

export type ProfileRow = typeof profiles.$inferSelect;
export type ProfileUpdate = Partial<Omit<ProfileRow, 'userId' | 'slug'>>;

export async function findProfile(db: DbOrTx, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  return row;
}

/** Inserts unless the user or the slug already has a row; undefined then. */
export async function insertProfileIfAbsent(
  db: DbOrTx,
  userId: string,
  slug: string,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .insert(profiles)
    .values({ userId, slug })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateProfile(
  db: DbOrTx,
  userId: string,
  values: ProfileUpdate,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .update(profiles)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(profiles.userId, userId))
    .returning();
  return row;
}

export async function findNames(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
      country: freelancerProfiles.country,
    })
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, userId));
  return row;
}

/** A profile by its public address, with the name and country from basic info. */
export async function findProfileBySlug(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({
      profile: profiles,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
      country: freelancerProfiles.country,
    })
    .from(profiles)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, profiles.userId))
    .where(eq(profiles.slug, slug));
  return row;
}
