import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { clientWorkspaces, users } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { isMailboxEnabled } from '@/lib/email/mailbox';
import { seedDemoJobPosts } from './seed-jobs';
import { seedDemoMoney } from './seed-money';

export const DEMO_CLIENT_EMAIL = 'demo@workbridge.test';
export { DEMO_FREELANCER_EMAIL } from './seed-money';

/**
 * The development demo: a client with a company workspace and open job posts (for Find
 * Work), and a freelancer on a contract of theirs with some money moved, for the money
 * pages. Running it again changes nothing.
 */
export async function seedDemo(db: Db): Promise<void> {
  const inviter = await seedDemoClient(db);
  await seedDemoJobPosts(db, inviter);
  // The demo invite's link is read from its email, which only the mailbox keeps for sure.
  if (isMailboxEnabled()) await seedDemoMoney(db, inviter);
}

async function seedDemoClient(db: Db): Promise<Inviter> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: DEMO_CLIENT_EMAIL,
        name: 'Dana Lee',
        emailVerified: new Date(),
        activeSide: 'client',
      })
      .onConflictDoUpdate({ target: users.email, set: { email: DEMO_CLIENT_EMAIL } })
      .returning({ id: users.id, name: users.name });
    await tx
      .insert(clientWorkspaces)
      .values({ ownerId: user.id, name: 'Acme Studio', type: 'company' })
      .onConflictDoNothing({ target: clientWorkspaces.ownerId });
    const [workspace] = await tx
      .select({ id: clientWorkspaces.id, name: clientWorkspaces.name })
      .from(clientWorkspaces)
      .where(eq(clientWorkspaces.ownerId, user.id));
    return {
      userId: user.id,
      name: user.name ?? '',
      workspaceId: workspace.id,
      workspaceName: workspace.name,
    };
  });
}
