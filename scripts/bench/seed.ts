import { eq, sql } from 'drizzle-orm';
import { migrateDatabase, type Database } from '@/db/client';
import { clientWorkspaces, contracts, freelancerProfiles, invites, users } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { createSession } from '@/lib/auth/service';
import { acceptContract, hashTerms } from '@/lib/contracts/service';
import { joinFromInvite } from '@/lib/invites/accept';
import { sendBulkInvites } from '@/lib/invites/bulk';
import { offerSchema, type OfferData } from '@/lib/invites/schemas';
import { createInvite, loadTerms } from '@/lib/invites/service';
import { createBoss, prepareQueues } from '@/lib/jobs/boss';
import { jobDefinitions } from '@/lib/server/jobs';
import { basicInfoSchema } from '@/lib/onboarding/schemas';
import { saveBasicInfo } from '@/lib/onboarding/service';

export type Seeded = {
  clientCookie: string;
  /** Activated, basic info still open: the dashboard and the basic-info step. */
  freelancerCookie: string;
  /** Basic info done, the offer waiting for a decision: the contract review step. */
  reviewerCookie: string;
  reviewerContractId: string;
  /** Contract accepted, a compliance check to submit: the compliance and settings steps. */
  complianceCookie: string;
  openInviteToken: string;
  /** Never opened before the query count: the landing page's first visit. */
  freshInviteToken: string;
  bulkSeconds: number[];
};

const futureDate = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A client with 1,000 invites (sent through the bulk path, 500 at a time), and a freelancer mid-onboarding. */
export async function seedBenchData(database: Database): Promise<Seeded> {
  await migrateDatabase(database);
  const boss = createBoss(database, { work: false });
  await boss.start();
  await prepareQueues(boss, database, jobDefinitions());
  await boss.stop({ graceful: false, wait: true });
  const { db } = database;

  const [clientUser] = await db
    .insert(users)
    .values({
      email: 'bench-client@example.com',
      name: 'Bench Client',
      activeSide: 'client',
      emailVerified: new Date(),
    })
    .returning();
  const [workspace] = await db
    .insert(clientWorkspaces)
    .values({ ownerId: clientUser.id, name: 'Bench Co', type: 'company' })
    .returning();
  const inviter = {
    userId: clientUser.id,
    name: 'Bench Client',
    workspaceId: workspace.id,
    workspaceName: 'Bench Co',
  };
  const offerInput = {
    kind: 'hourly',
    title: 'Bench contract',
    description: '',
    startDate: futureDate(3),
    hourlyRateDollars: '50',
    weeklyLimit: '20',
  };
  const offer = offerSchema.parse(offerInput);

  const bulkSeconds: number[] = [];
  for (let batch = 0; batch < 2; batch++) {
    const csv = Array.from(
      { length: 500 },
      (_, i) => `person-${batch}-${i}@example.com,Pat,Number${i},`,
    ).join('\n');
    const started = performance.now();
    const report = await sendBulkInvites(db, { inviter, csv, offer });
    bulkSeconds.push((performance.now() - started) / 1000);
    if (!report.ok || report.toSend !== 500)
      throw new Error(`bulk seed failed: ${JSON.stringify(report).slice(0, 300)}`);
  }

  // Open invites for the landing page, one activated freelancer for the dashboard.
  const openInviteToken = await inviteToken(database, inviter, 'landing@example.com', offer);
  const freshInviteToken = await inviteToken(database, inviter, 'fresh-landing@example.com', offer);
  const activated = await joinFromInvite(
    db,
    await inviteToken(database, inviter, 'onboarding@example.com', offer),
  );
  if (!activated.ok) throw new Error('activation seed failed');
  await db
    .update(freelancerProfiles)
    .set({ firstName: 'Ona' })
    .where(eq(freelancerProfiles.userId, activated.user.id));

  // Later steps only render once the earlier ones are done (a step page sends a person who
  // skipped ahead back), so two more freelancers stand further along.
  const reviewer = await activateWithBasicInfo(
    database,
    await inviteToken(database, inviter, 'reviewing@example.com', offer),
  );
  // No weekly limit: the contract needs the compliance questionnaire.
  const noLimit = offerSchema.parse({ ...offerInput, weeklyLimit: '' });
  const complianceFreelancer = await activateWithBasicInfo(
    database,
    await inviteToken(database, inviter, 'complying@example.com', noLimit),
  );
  const terms = await loadTerms(db, complianceFreelancer.inviteId);
  if (!terms) throw new Error('contract seed failed: no terms');
  const decision = await acceptContract(db, {
    contractId: complianceFreelancer.contractId,
    freelancerId: complianceFreelancer.userId,
    shownHash: hashTerms(terms),
  });
  if (!decision.ok || decision.status !== 'awaiting_compliance')
    throw new Error(`contract seed failed: ${JSON.stringify(decision)}`);

  // Planner statistics, as the server's autovacuum and the app's hourly job on PGlite
  // (lib/jobs/statistics.ts) gather them: without them PGlite plans from default guesses.
  await db.execute(sql`analyze`);
  const clientSession = await createSession(db, clientUser.id);
  return {
    clientCookie: clientSession.token,
    freelancerCookie: activated.session.token,
    reviewerCookie: reviewer.cookie,
    reviewerContractId: reviewer.contractId,
    complianceCookie: complianceFreelancer.cookie,
    openInviteToken,
    freshInviteToken,
    bulkSeconds,
  };
}

async function inviteToken(
  database: Database,
  inviter: Inviter,
  email: string,
  offer: OfferData,
): Promise<string> {
  const invite = await createInvite(database.db, {
    inviter,
    input: {
      email,
      firstName: 'Sam',
      lastName: 'Seed',
      message: null,
      offer,
    },
  });
  if (!invite.ok) throw new Error(`invite seed failed for ${email}`);
  return tokenOf(database, invite.inviteId);
}

async function activateWithBasicInfo(database: Database, token: string) {
  const { db } = database;
  const activated = await joinFromInvite(db, token);
  if (!activated.ok) throw new Error('activation seed failed');
  const info = basicInfoSchema.parse({
    firstName: 'Sam',
    lastName: 'Seed',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    acceptTerms: 'on',
  });
  await saveBasicInfo(db, { userId: activated.user.id, ip: null }, info);
  const [contract] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.inviteId, activated.inviteId));
  return {
    cookie: activated.session.token,
    userId: activated.user.id,
    inviteId: activated.inviteId,
    contractId: contract.id,
  };
}

async function tokenOf(database: Database, inviteId: string): Promise<string> {
  const [invite] = await database.db
    .select({ outboxId: invites.lastOutboxId })
    .from(invites)
    .where(eq(invites.id, inviteId));
  const { rows } = await database.executeSql('select html from email_outbox where id = $1', [
    invite.outboxId,
  ]);
  const match = String(rows[0]?.html ?? '').match(/\/invite\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error('no token');
  return match[1];
}
