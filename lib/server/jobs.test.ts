import { and, eq } from 'drizzle-orm';
import { inviteEvents } from '@/db/schema';
import { createInvite } from '@/lib/invites/service';
import { createClient, inviteData } from '@/tests/helpers/invite-fixtures';
import { startWorkerAgainstStandIn } from '@/tests/helpers/worker-stand-in';

/**
 * lib/email knows no domain: the invite timeline hears of a failed delivery only through the
 * hook lib/server/jobs.ts registers. Through the real worker, against the Resend stand-in,
 * with one attempt so the first failure is the last.
 */
const SETTINGS = {
  EMAIL_TRANSPORT: 'resend',
  RESEND_API_KEY: 're_test_key',
  EMAIL_MAX_ATTEMPTS: '1',
};
const worker = startWorkerAgainstStandIn(SETTINGS);

async function deliveryFailures(inviteId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await worker.database.db
      .select({ detail: inviteEvents.detail })
      .from(inviteEvents)
      .where(and(eq(inviteEvents.inviteId, inviteId), eq(inviteEvents.type, 'delivery_failed')));
    if (events.length > 0 || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 200));
  }
}

it("records an invitation given up on in the invite's timeline", async () => {
  worker.standIn.queueFor('unreachable@example.com', 'error-500');
  const client = await createClient(worker.database.db);
  const result = await createInvite(worker.database.db, {
    inviter: client,
    input: inviteData('unreachable@example.com'),
  });
  if (!result.ok) throw new Error(result.message);

  const events = await deliveryFailures(result.inviteId);
  expect(events).toHaveLength(1);
  expect(events[0].detail).toMatch(/Resend is down/);
});
