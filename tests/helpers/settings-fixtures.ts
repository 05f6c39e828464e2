import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, freelancerProfiles, payoutMethods, sessions, users } from '@/db/schema';
import { findSessionSignedInAt, type Actor } from '@/lib/accounts/recent-sign-in';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { requestAddPayoutMethod } from '@/lib/payouts/service';
import { createSession } from '@/lib/auth/service';
import { hashToken } from '@/lib/security/tokens';
import { resetEnvCache } from '@/lib/env';

/**
 * A key of the test file's own, so encryption neither needs nor writes the development key
 * file under .data/. Call it at the top of a test file (it registers its own clean-up); the
 * key is read when createTestDatabase resets the cached env.
 */
export function installTestEncryptionKey(): void {
  const previous = process.env.DATA_ENCRYPTION_KEY;
  process.env.DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
  resetEnvCache();
  afterAll(() => {
    if (previous === undefined) delete process.env.DATA_ENCRYPTION_KEY;
    else process.env.DATA_ENCRYPTION_KEY = previous;
    resetEnvCache();
  });
}

export type TestFreelancer = { userId: string; email: string };

/** A freelancer who has done basic info, as the invite journey leaves them. */
export async function createFreelancer(
  db: Db,
  options: { firstName?: string; lastName?: string; country?: string; email?: string } = {},
): Promise<TestFreelancer> {
  const email = options.email ?? `freelancer-${randomUUID()}@example.com`;
  const [user] = await db
    .insert(users)
    .values({ email, emailVerified: new Date(), activeSide: 'freelancer' })
    .returning({ id: users.id });
  const now = new Date();
  await db.insert(freelancerProfiles).values({
    userId: user.id,
    firstName: options.firstName ?? 'Alex',
    lastName: options.lastName ?? 'Kim',
    country: options.country ?? 'PT',
    timeZone: 'Europe/Lisbon',
    termsAcceptedAt: now,
    basicInfoCompletedAt: now,
  });
  return { userId: user.id, email };
}

/**
 * The actor as an action builds it: a real session row whose sign-in was `minutesAgo`
 * minutes ago, found again through its cookie value.
 */
export async function actorSignedIn(
  db: Db,
  who: TestFreelancer,
  minutesAgo: number,
): Promise<Actor & { sessionToken: string }> {
  const session = await createSession(db, who.userId);
  await db
    .update(sessions)
    .set({ createdAt: new Date(Date.now() - minutesAgo * 60_000) })
    .where(eq(sessions.sessionToken, hashToken(session.token)));
  const signedInAt = await findSessionSignedInAt(db, who.userId, session.token);
  return {
    userId: who.userId,
    email: who.email,
    signedInAt,
    ip: '203.0.113.7',
    sessionToken: session.token,
  };
}

export const US_BANK = {
  kind: 'us_bank',
  holderName: 'Alex Kim',
  routingNumber: '021000021',
  accountNumber: '73915548260417',
  accountType: 'checking',
} as const;

export const IBAN_ACCOUNT = {
  kind: 'iban',
  holderName: 'Alex Kim',
  iban: 'DE89370400440532013000',
  bic: 'DEUTDEFF',
} as const;

export const PAYPAL = { kind: 'paypal', email: 'Alex.Kim@Example.com' } as const;

/** The newest outbox message of a template to an address. */
export async function latestEmail(db: Db, to: string, template: string) {
  const [row] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return row;
}

/** The token of the newest link of that template ("…?token=…"). */
export async function tokenFromEmail(db: Db, to: string, template: string): Promise<string> {
  const row = await latestEmail(db, to, template);
  const match = row?.html?.match(/[?&]token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no token link in the latest ${template} email to ${to}`);
  return match[1];
}

export async function payoutRows(db: Db, userId: string) {
  return db
    .select()
    .from(payoutMethods)
    .where(eq(payoutMethods.userId, userId))
    .orderBy(payoutMethods.createdAt);
}

/** A freelancer who signed in a minute ago, and the actor an action would build for them. */
export async function signedInFreelancer(db: Db): Promise<{ who: TestFreelancer; actor: Actor }> {
  const who = await createFreelancer(db);
  return { who, actor: await actorSignedIn(db, who, 1) };
}

/** Adds a method that must be applied at once (a recent sign-in); its id. */
export async function addPayoutMethodNow(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
): Promise<string> {
  const result = await requestAddPayoutMethod(db, actor, addPayoutMethodSchema.parse(input));
  if (!result.ok || result.status !== 'applied') throw new Error(JSON.stringify(result));
  return result.methodId;
}
