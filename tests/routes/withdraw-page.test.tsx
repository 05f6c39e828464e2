import { renderToStaticMarkup } from 'react-dom/server';
import { createSession } from '@/lib/auth/service';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { withdrawalBlockers } from '@/lib/withdrawals/blockers';
import { createTestDatabase } from '@/tests/helpers/db';
import { escapeHtml } from '@/tests/helpers/html-text';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { makeWithdrawer, registerAtStripe } from '@/tests/helpers/withdrawal-fixtures';

/* Issue 17: the withdraw page's warnings are withdrawalBlockers' list, the dashboard's. */
installRequestMocks();
installTestEncryptionKey();
const { default: WithdrawPage } = await import('@/app/(app)/earnings/withdraw/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe('/earnings/withdraw', () => {
  it('lists every reason a withdrawal would be refused, each with where to fix it', async () => {
    const made = await makeFreelancer(
      database.db,
      freelancerRequestSchema.parse({ kind: 'freelancer' }),
    );
    const blockers = await withdrawalBlockers(database.db, made.userId!);
    expect(blockers.map((b) => b.key)).toEqual([
      'withdraw-balance',
      'withdraw-method',
      'withdraw-tax-info',
    ]);
    startRequest((await createSession(database.db, made.userId!)).token);
    const html = renderToStaticMarkup(await WithdrawPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain('Why you may not be able to withdraw');
    for (const blocker of blockers) {
      expect(html).toContain(escapeHtml(blocker.text));
      if ('href' in blocker) expect(html).toContain(`href="${blocker.href}"`);
    }
  });

  it('names what Stripe needs and offers no withdrawal to a method whose account Stripe stopped', async () => {
    const w = await makeWithdrawer(database.db, new Date(), { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: false,
      requirementsDue: ['individual.dob.year', 'tos_acceptance.date'],
    });
    startRequest((await createSession(database.db, w.actor.userId)).token);
    const html = renderToStaticMarkup(await WithdrawPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain(
      escapeHtml(
        "Stripe needs more information before it can pay out to your US bank account (checking) ending 0417: your date of birth and your acceptance of Stripe's terms.",
      ),
    );
    expect(html).not.toContain(`<option value="${w.methods.usBank}"`);
    expect(html).toContain(`<option value="${w.methods.paypal}"`);
  });
});
