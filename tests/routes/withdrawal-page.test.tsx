import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { freelancerProfiles } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { requestWithdrawal } from '@/lib/withdrawals/service';
import { settleDueWithdrawals } from '@/lib/withdrawals/settle';
import { createTestDatabase } from '@/tests/helpers/db';
import { escapeHtml } from '@/tests/helpers/html-text';
import { pageOutcome } from '@/tests/helpers/page-outcome';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { makeWithdrawer, type Withdrawer } from '@/tests/helpers/withdrawal-fixtures';

/*
 * Issue 17: a withdrawal's own page, for its freelancer only (anyone else's, an unknown and a
 * malformed id are the same 404), and the links to it from /earnings and /earnings/withdraw.
 */
installRequestMocks();
installTestEncryptionKey();
const { default: WithdrawalPage } = await import('@/app/(app)/earnings/withdrawals/[id]/page');
const { default: WithdrawPage } = await import('@/app/(app)/earnings/withdraw/page');
const { default: EarningsPage } = await import('@/app/(app)/earnings/page');

const START = new Date('2026-12-02T10:00:00Z');
const MINUTE = 60_000;

let statements = 0;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
let w: Withdrawer;
let token: string;
let returnedId: string;
let paidId: string;

async function withdraw(payoutMethodId: string, amountCents: number): Promise<string> {
  const result = await requestWithdrawal(
    database.db,
    createSimulatedPayoutProvider(database.db),
    w.actor,
    { payoutMethodId, amountCents, idempotencyKey: randomUUID() },
  );
  if (!result.ok) throw new Error(result.message);
  return result.withdrawal.id;
}

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: () => (statements += 1) });
  clock = useFakeClock(START);
  w = await makeWithdrawer(database.db, START, {
    availableCents: 20_000,
    paypalEmail: 'fail.alex@example.com',
  });
  await database.db
    .update(freelancerProfiles)
    .set({ timeZone: 'America/New_York' })
    .where(eq(freelancerProfiles.userId, w.actor.userId));
  returnedId = await withdraw(w.methods.paypal, 5_000);
  paidId = await withdraw(w.methods.usBank, 3_000);
  // The simulated provider settles a minute after it accepted: PayPal fails, the bank pays.
  clock.advance(2 * MINUTE);
  await settleDueWithdrawals(database.db, createSimulatedPayoutProvider(database.db), clock.now());
  token = (await createSession(database.db, w.actor.userId)).token;
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

async function render(sessionToken: string | null, id: string): Promise<string> {
  startRequest(sessionToken);
  return pageOutcome(() => WithdrawalPage({ params: Promise.resolve({ id }) }));
}

describe('/earnings/withdrawals/[id]', () => {
  it('shows a returned withdrawal: amounts, method, each step in the freelancer’s zone, why, and Try again', async () => {
    await render(token, returnedId); // warm-up: the first request may load what later ones share
    statements = 0;
    const html = await render(token, returnedId);
    // The session lookup, then the withdrawal with its method.
    expect(statements).toBe(2);
    expect(html).toContain('Withdrawal of $50.00');
    expect(html).toContain('PayPal f•••@example.com');
    expect(html).not.toContain('fail.alex@example.com');
    expect(html).toMatch(/Fee<\/dt><dd[^>]*><span[^>]*>\$2\.00</);
    expect(html).toContain('Nothing: the payout did not go through.');
    expect(html).toContain('$52.00');
    expect(html).toContain('data-status="returned"');
    expect(html).toContain(
      escapeHtml(
        'The receiving account refused the payout (simulated: its details contain "fail").',
      ),
    );
    // Requested at 10:00 UTC, failed and returned at the settlement two minutes later.
    expect(html).toContain(
      'Requested</strong>: <time dateTime="2026-12-02T10:00:00.000Z">December 2, 2026, 05:00 New York time (America/New_York)</time>',
    );
    expect(html).toContain(
      'Returned to your available balance</strong>: <time dateTime="2026-12-02T10:02:00.000Z">December 2, 2026, 05:02 New York time (America/New_York)</time>',
    );
    expect(html).toContain('Failed</strong>: <time');
    // "Try again" is the withdraw page's own retry.
    expect(html).toContain('action="/earnings/withdraw"');
    expect(html).toContain(`name="retry" value="${returnedId}"`);
    expect(html).toContain('href="/earnings/withdraw"');
  });

  it('shows a paid one as requested, sent and paid, with what reaches the method and no retry', async () => {
    const html = await render(token, paidId);
    expect(html).toContain('Withdrawal of $30.00');
    expect(html).toContain('US bank account (checking) ending 0417');
    expect(html).not.toContain('73915548260417');
    expect(html).toContain('data-status="paid"');
    expect(html).toContain('Reaches the method');
    expect(html).toMatch(/Fee<\/dt><dd[^>]*><span[^>]*>\$0\.00</);
    expect(html).toContain('Sent to the payout provider</strong>: <time');
    expect(html).toContain('Paid</strong>: <time dateTime="2026-12-02T10:02:00.000Z">');
    expect(html).not.toContain('Try again');
    expect(html).not.toContain('not yet');
  });

  it('is the same 404 for another freelancer’s withdrawal, an unknown id and a malformed one', async () => {
    const other = await makeWithdrawer(database.db, START);
    const otherToken = (await createSession(database.db, other.actor.userId)).token;
    expect(await render(otherToken, returnedId)).toBe('not-found');
    expect(await render(token, randomUUID())).toBe('not-found');
    statements = 0;
    expect(await render(token, 'not-a-uuid')).toBe('not-found');
    // A malformed id is refused before any query: only the session was looked up.
    expect(statements).toBe(1);
  });

  it('is not a client’s, nor anyone signed out', async () => {
    const made = await makeFreelancer(
      database.db,
      freelancerRequestSchema.parse({ kind: 'freelancer' }),
    );
    const asClient = (await createSession(database.db, made.client.userId)).token;
    expect(await render(asClient, returnedId)).toBe('redirect /welcome?add=freelancer');
    expect(await render(null, returnedId)).toMatch(/^redirect /);
  });
});

describe('links to it', () => {
  const count = (html: string, text: string) => html.split(text).length - 1;

  it('from every row of the withdrawal list', async () => {
    startRequest(token);
    const html = await pageOutcome(() => WithdrawPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain(`href="/earnings/withdrawals/${returnedId}"`);
    expect(html).toContain(`href="/earnings/withdrawals/${paidId}"`);
  });

  it('from the timeline’s withdrawal, payout and payout_return rows', async () => {
    startRequest(token);
    const html = await pageOutcome(() => EarningsPage({ searchParams: Promise.resolve({}) }));
    // Each withdrawal's request and then its return, or its payout.
    expect(count(html, `href="/earnings/withdrawals/${returnedId}"`)).toBe(2);
    expect(count(html, `href="/earnings/withdrawals/${paidId}"`)).toBe(2);
    expect(html).toContain('Payout returned: $52.00 back to available');
    expect(html).toContain('Paid out: $30.00 sent to your payout method');
    // The header's "Withdraw" only: no row links to the list any more.
    expect(count(html, 'href="/earnings/withdraw"')).toBe(1);
  });
});
