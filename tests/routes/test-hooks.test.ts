import { count, eq } from 'drizzle-orm';
import { contracts, freelancerProfiles, invoices, sessions, users } from '@/db/schema';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import {
  currentSessionCookie,
  installRequestMocks,
  startRequest,
} from '@/tests/helpers/request-context';

installRequestMocks();
const session = await import('@/app/api/test/session/route');
const factories = await import('@/app/api/test/factories/route');
const { loadViewer } = await import('@/lib/auth/session');
const { findSessionSignedInAt } = await import('@/lib/accounts/recent-sign-in');
const { loadOnboardingContext, onboardingSteps } = await import('@/lib/onboarding/steps');
const { resolveInviteLink } = await import('@/lib/invites/landing');
const { listFreelancerHistory } = await import('@/lib/ledger/history');

/** A test run's settings: the hooks on, email to the local mailbox (as playwright.config.ts). */
const HOOKS = { E2E_TEST_HOOKS: '1', EMAIL_TRANSPORT: 'mailbox', RESEND_API_KEY: undefined };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const post = (path: string, body: unknown) =>
  new Request(`http://localhost:3000${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function build<T>(body: Record<string, unknown>): Promise<T> {
  const response = await factories.POST(post('/api/test/factories', body));
  if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

type Made = { userId: string | null; email: string; link: string; contractId: string };

async function stepsOf(userId: string) {
  const [profile] = await database.db
    .select()
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, userId));
  const ctx = await loadOnboardingContext(database.db, { userId, profile });
  return Object.fromEntries(onboardingSteps(ctx).map((s) => [s.key, s.done]));
}

const rowCount = async (table: typeof users | typeof sessions) =>
  (await database.db.select({ n: count() }).from(table))[0].n;

describe('the routes under /api/test', () => {
  it('do not exist without E2E_TEST_HOOKS: 404, and nothing is written', async () => {
    const before = { users: await rowCount(users), sessions: await rowCount(sessions) };
    startRequest(null);
    await withEnv({ E2E_TEST_HOOKS: undefined }, async () => {
      const signIn = await session.POST(post('/api/test/session', { email: 'x@example.com' }));
      expect(signIn.status).toBe(404);
      const made = await factories.POST(post('/api/test/factories', { kind: 'client' }));
      expect(made.status).toBe(404);
    });
    expect(currentSessionCookie()).toBeUndefined();
    expect({ users: await rowCount(users), sessions: await rowCount(sessions) }).toEqual(before);
  });

  it('sign a browser in without the mailbox, as long ago as asked', async () => {
    await withEnv(HOOKS, async () => {
      startRequest(null);
      const email = `signed-in-${Date.now()}@example.com`;
      const response = await session.POST(
        post('/api/test/session', { email, signedInMinutesAgo: 45 }),
      );
      expect(response.status).toBe(200);
      const { userId } = (await response.json()) as { userId: string };
      expect(currentSessionCookie()).toEqual(expect.any(String));
      const viewer = await loadViewer();
      expect(viewer?.user).toMatchObject({ id: userId, email });
      const signedInAt = await findSessionSignedInAt(database.db, userId, currentSessionCookie()!);
      expect(Date.now() - signedInAt!.getTime()).toBeGreaterThan(44 * 60_000);
    });
  });

  it('answer a malformed request with its problems', async () => {
    await withEnv(HOOKS, async () => {
      const response = await factories.POST(post('/api/test/factories', { kind: 'robot' }));
      expect(response.status).toBe(400);
      const refused = await factories.POST(
        post('/api/test/factories', { kind: 'invite', clientEmail: 'nobody@example.com' }),
      );
      expect(refused.status).toBe(422);
    });
  });

  it('leave a freelancer at each onboarding step, as the pages would have', async () => {
    await withEnv(HOOKS, async () => {
      const client = await build<{ email: string }>({ kind: 'client', workspaceName: 'Hooks' });
      const invited = await build<Made>({
        kind: 'freelancer',
        clientEmail: client.email,
        step: 'invited',
      });
      expect(invited.userId).toBeNull();
      expect((await resolveInviteLink(database.db, invited.link.split('/').at(-1)!)).kind).toBe(
        'open',
      );

      const expected = {
        joined: { 'basic-info': false, contract: false },
        'basic-info': { 'basic-info': true, contract: false },
        contract: { 'basic-info': true, contract: true },
      };
      for (const [step, done] of Object.entries(expected)) {
        const made = await build<Made>({ kind: 'freelancer', clientEmail: client.email, step });
        expect(await stepsOf(made.userId!)).toMatchObject({ activate: true, ...done });
      }
    });
  });

  it('offer a freelancer who has an account a further contract', async () => {
    await withEnv(HOOKS, async () => {
      const first = await build<Made & { client: { email: string } }>({ kind: 'freelancer' });
      const second = await build<Made>({
        kind: 'contract',
        clientEmail: first.client.email,
        freelancerEmail: first.email,
        accept: false,
      });
      const statuses = await database.db
        .select({ id: contracts.id, status: contracts.status })
        .from(contracts)
        .innerJoin(users, eq(users.id, contracts.freelancerId))
        .where(eq(users.email, first.email));
      expect(Object.fromEntries(statuses.map((c) => [c.id, c.status]))).toEqual({
        [first.contractId]: 'active',
        [second.contractId]: 'offered',
      });
    });
  });

  it('post the demo weeks of money on a contract once, through the ledger', async () => {
    await withEnv(HOOKS, async () => {
      const freelancer = await build<Made>({ kind: 'freelancer' });
      await build({ kind: 'payments', contractId: freelancer.contractId });
      await build({ kind: 'payments', contractId: freelancer.contractId });
      const history = await listFreelancerHistory(database.db, freelancer.userId!);
      expect(history.rows.map((r) => r.kind).sort()).toEqual([
        'availability',
        'availability',
        'release',
      ]);
      const unknown = await factories.POST(
        post('/api/test/factories', { kind: 'payments', contractId: crypto.randomUUID() }),
      );
      expect(unknown.status).toBe(422);
    });
  });

  it('make a paid week under review on an hourly contract', async () => {
    await withEnv(HOOKS, async () => {
      const freelancer = await build<Made>({ kind: 'freelancer' });
      const week = await build<{ invoiceId: string; entryIds: string[] }>({
        kind: 'review-week',
        contractId: freelancer.contractId,
      });
      const [invoice] = await database.db
        .select()
        .from(invoices)
        .where(eq(invoices.id, week.invoiceId));
      expect(invoice).toMatchObject({ kind: 'hourly', paymentStatus: 'paid', releasedAt: null });
      expect(invoice.reviewEndsAt!.getTime()).toBeGreaterThan(Date.now());
      expect(week.entryIds).toHaveLength(3);
      expect(await balanceOf(database.db, accounts.inReview(freelancer.contractId))).toBe(
        invoice.grossCents,
      );
    });
  });
});
