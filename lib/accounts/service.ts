import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { clientWorkspaces, freelancerProfiles, users } from '@/db/schema';
import type { z } from 'zod';
import type { chooseSideSchema, workspaceTimeZoneSchema } from './schemas';
import { findWorkspaceByOwner, hasFreelancerProfile } from './queries';

export type Side = 'client' | 'freelancer';

/** Sets up the chosen side (workspace or freelancer profile) and makes it active. */
export async function chooseSide(
  db: Db,
  userId: string,
  input: z.infer<typeof chooseSideSchema>,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (input.side === 'client') {
      await tx
        .insert(clientWorkspaces)
        .values({
          ownerId: userId,
          name: input.workspaceName,
          type: input.workspaceType,
          timeZone: input.timeZone,
        })
        .onConflictDoUpdate({
          target: clientWorkspaces.ownerId,
          set: { name: input.workspaceName, type: input.workspaceType, timeZone: input.timeZone },
        });
    } else {
      await tx.insert(freelancerProfiles).values({ userId }).onConflictDoNothing();
    }
    await tx
      .update(users)
      .set({ activeSide: input.side, ...(input.side === 'client' ? { name: input.yourName } : {}) })
      .where(eq(users.id, userId));
  });
}

/**
 * Sets the time zone of a workspace. The action passes the caller's own workspace from the
 * session (never an id from the form), so no other workspace can be reached.
 */
export async function setWorkspaceTimeZone(
  db: Db,
  workspaceId: string,
  input: z.infer<typeof workspaceTimeZoneSchema>,
): Promise<boolean> {
  const updated = await db
    .update(clientWorkspaces)
    .set({ timeZone: input.timeZone })
    .where(eq(clientWorkspaces.id, workspaceId))
    .returning({ id: clientWorkspaces.id });
  return updated.length > 0;
}

/** Switches the active side when the person already holds that side; false otherwise. */
export async function switchSide(db: Db, userId: string, side: Side): Promise<boolean> {
  const holdsSide =
    side === 'client'
      ? Boolean(await findWorkspaceByOwner(db, userId))
      : await hasFreelancerProfile(db, userId);
  if (!holdsSide) return false;
  await db.update(users).set({ activeSide: side }).where(eq(users.id, userId));
  return true;
}

/** Where a person lands: their active side's home; ops with no side, the review queue. */
export function homeFor(side: Side | null, options: { isAdmin?: boolean } = {}): string {
  if (side === 'client') return '/client';
  if (side === 'freelancer') return '/onboarding';
  return options.isAdmin ? '/admin/compliance' : '/welcome';
}
