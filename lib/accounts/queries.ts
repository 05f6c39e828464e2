import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import { clientWorkspaces, freelancerProfiles, sessions, users } from '@/db/schema';
import { unreadMessagesOf } from './unread-messages';

export type User = typeof users.$inferSelect;
export type ClientWorkspace = typeof clientWorkspaces.$inferSelect;

/** Finds the user by email or creates one; marks the email verified either way. */
export async function upsertVerifiedUser(db: DbOrTx, email: string): Promise<User> {
  const now = new Date();
  const [user] = await db
    .insert(users)
    .values({ email, emailVerified: now })
    .onConflictDoUpdate({ target: users.email, set: { emailVerified: now } })
    .returning();
  return user;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function findWorkspaceByOwner(
  db: DbOrTx,
  ownerId: string,
): Promise<ClientWorkspace | undefined> {
  const [workspace] = await db
    .select()
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.ownerId, ownerId));
  return workspace;
}

export async function hasFreelancerProfile(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: freelancerProfiles.userId })
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, userId));
  return rows.length > 0;
}

/**
 * Everything a page needs about the person behind a session, in one query: the session
 * (unexpired) and when it began, the user, their client workspace and their freelancer profile (the
 * onboarding and settings pages read it from here instead of asking again), and the header's
 * unread-messages count (a subquery column, so the badge costs no statement of its own).
 */
export async function findSessionViewer(db: DbOrTx, sessionTokenHash: string) {
  const query = preparedQuery(db, 'findSessionViewer', (db) =>
    db
      .select({
        user: users,
        signedInAt: sessions.createdAt,
        workspace: clientWorkspaces,
        freelancer: freelancerProfiles,
        unreadMessages: unreadMessagesOf(users.id),
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(clientWorkspaces, eq(clientWorkspaces.ownerId, users.id))
      .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
      .where(and(eq(sessions.sessionToken, param('hash')), gt(sessions.expires, sql`now()`))),
  );
  const [row] = await query.execute({ hash: sessionTokenHash });
  return row;
}
