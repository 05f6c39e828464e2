import { eq } from 'drizzle-orm';
import { migrateDatabase, type Database } from '@/db/client';
import { clientWorkspaces, freelancerProfiles, invites, users } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import { activateFromInvite } from '@/lib/invites/accept';
import { sendBulkInvites } from '@/lib/invites/bulk';
import { offerSchema } from '@/lib/invites/schemas';
import { createInvite } from '@/lib/invites/service';
import { createBoss, prepareQueues } from '@/lib/jobs/boss';

export type Seeded = {
  clientCookie: string;
  freelancerCookie: string;
  openInviteToken: string;
  bulkSeconds: number[];
};

const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A client with 1,000 invites (sent through the bulk path, 500 at a time), and a freelancer mid-onboarding. */
export async function seedBenchData(database: Database): Promise<Seeded> {
  await migrateDatabase(database);
  const boss = createBoss(database, { work: false });
  await boss.start();
  await prepareQueues(boss, database);
  await boss.stop({ graceful: false, wait: true });
  const { db } = database;

  const [clientUser] = await db
    .insert(users)
    .values({ email: 'bench-client@example.com', name: 'Bench Client', activeSide: 'client', emailVerified: new Date() })
    .returning();
  const [workspace] = await db.insert(clientWorkspaces).values({ ownerId: clientUser.id, name: 'Bench Co', type: 'company' }).returning();
  const inviter = { userId: clientUser.id, name: 'Bench Client', workspaceId: workspace.id, workspaceName: 'Bench Co' };
  const offer = offerSchema.parse({
    kind: 'hourly',
    title: 'Bench contract',
    description: '',
    startDate: futureDate(3),
    hourlyRate: '50',
    weeklyLimit: '20',
  });

  const bulkSeconds: number[] = [];
  for (let batch = 0; batch < 2; batch++) {
    const csv = Array.from({ length: 500 }, (_, i) => `person-${batch}-${i}@example.com,Pat,Number${i},`).join('\n');
    const started = performance.now();
    const report = await sendBulkInvites(db, inviter, csv, offer);
    bulkSeconds.push((performance.now() - started) / 1000);
    if (!report.ok || report.toSend !== 500) throw new Error(`bulk seed failed: ${JSON.stringify(report).slice(0, 300)}`);
  }

  // One open invite for the landing page, one activated freelancer for the dashboard.
  const open = await createInvite(db, inviter, { email: 'landing@example.com', firstName: 'Lee', lastName: 'Open', message: null, offer });
  const freelancerInvite = await createInvite(db, inviter, { email: 'onboarding@example.com', firstName: 'Ona', lastName: 'Board', message: null, offer });
  if (!open.ok || !freelancerInvite.ok) throw new Error('invite seed failed');
  const openInviteToken = await tokenOf(database, open.inviteId);
  const activated = await activateFromInvite(db, await tokenOf(database, freelancerInvite.inviteId));
  if (!activated.ok) throw new Error('activation seed failed');
  await db.update(freelancerProfiles).set({ firstName: 'Ona' }).where(eq(freelancerProfiles.userId, activated.user.id));
  const clientSession = await createSession(db, clientUser.id);
  return {
    clientCookie: clientSession.token,
    freelancerCookie: activated.session.token,
    openInviteToken,
    bulkSeconds,
  };
}

async function tokenOf(database: Database, inviteId: string): Promise<string> {
  const [invite] = await database.db.select({ outboxId: invites.lastOutboxId }).from(invites).where(eq(invites.id, inviteId));
  const { rows } = await database.executeSql('select html from email_outbox where id = $1', [invite.outboxId]);
  const match = String(rows[0]?.html ?? '').match(/\/invite\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error('no token');
  return match[1];
}
