import type { Db } from '@/db/client';
import { clientWorkspaces, users } from '@/db/schema';

export const DEMO_CLIENT_EMAIL = 'demo@workbridge.test';

/** The development demo client; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: DEMO_CLIENT_EMAIL,
        name: 'Dana Lee',
        emailVerified: new Date(),
        activeSide: 'client',
      })
      .onConflictDoUpdate({ target: users.email, set: { email: DEMO_CLIENT_EMAIL } })
      .returning({ id: users.id });
    await tx
      .insert(clientWorkspaces)
      .values({ ownerId: user.id, name: 'Acme Studio', type: 'company' })
      .onConflictDoNothing({ target: clientWorkspaces.ownerId });
  });
}
