import { renderToStaticMarkup } from 'react-dom/server';
import { eq } from 'drizzle-orm';
import { payoutMethods, withdrawalSchedules } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { escapeHtml } from '@/tests/helpers/html-text';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { makeWithdrawer, registerAtStripe } from '@/tests/helpers/withdrawal-fixtures';

/* Issue 17: the schedule page names why a method cannot be paid out to: its hold, or Stripe. */
installRequestMocks();
installTestEncryptionKey();
const { default: SchedulePage } = await import('@/app/(app)/earnings/schedule/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

async function render(userId: string) {
  startRequest((await createSession(database.db, userId)).token);
  return renderToStaticMarkup(await SchedulePage({ searchParams: Promise.resolve({}) }));
}

describe('/earnings/schedule', () => {
  it('says Stripe stopped payouts to the scheduled method, not that it is in its hold', async () => {
    const w = await makeWithdrawer(database.db, new Date(), { availableCents: 10_000 });
    await registerAtStripe(database.db, w, {
      payoutsEnabled: false,
      requirementsDue: ['individual.dob.year'],
    });
    await database.db.insert(withdrawalSchedules).values({
      freelancerId: w.actor.userId,
      frequency: 'weekly',
      thresholdCents: 5_000,
      payoutMethodId: w.methods.usBank,
      updatedAt: new Date(),
    });
    const html = await render(w.actor.userId);
    expect(html).toContain(
      'ending 0417: fee $0.00, minimum $0.01 (Stripe has stopped payouts to it)',
    );
    expect(html).toContain(
      escapeHtml(
        'Stripe needs more information before it can pay out to your US bank account (checking) ending 0417: your date of birth.',
      ),
    );
    expect(html).toContain('scheduled payouts to it are skipped');
    expect(html).not.toContain('security hold');
  });

  it('names the hold of a method still in it, and no Stripe notice', async () => {
    const w = await makeWithdrawer(database.db, new Date(Date.now() - 60_000), {
      availableCents: 10_000,
    });
    // Back in its hold: usable only from tomorrow.
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date(Date.now() + 86_400_000) })
      .where(eq(payoutMethods.id, w.methods.paypal));
    await database.db.insert(withdrawalSchedules).values({
      freelancerId: w.actor.userId,
      frequency: 'weekly',
      thresholdCents: 5_000,
      payoutMethodId: w.methods.paypal,
      updatedAt: new Date(),
    });
    const html = await render(w.actor.userId);
    expect(html).toContain('(in its security hold)');
    expect(html).toContain('is in its 3-day security hold: payouts to it wait until');
    expect(html).not.toContain('Stripe has stopped payouts');
  });
});
