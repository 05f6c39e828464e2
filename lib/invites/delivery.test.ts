import type { Inviter } from '@/lib/accounts/inviter';
import { eq } from 'drizzle-orm';
import { inviteEvents } from '@/db/schema';
import { deliverOutboxMessage } from '@/lib/email/outbox';
import { resendTransport } from '@/lib/email/transport';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient, findInvite, findOutbox, inviteData } from '@/tests/helpers/invite-fixtures';
import { startResendStandIn } from '@/tests/helpers/resend-stand-in';
import { recordDeliveryFailure } from './delivery';
import { findWorkspaceInvite } from './queries';
import { createInvite } from './service';
import { resendInvite } from './manage';
import { displayStatus } from './status';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;
let client: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  standIn = await startResendStandIn();
  client = await createClient(database.db);
});
afterAll(async () => {
  await standIn.close();
  await database.dispose();
});

const MAX_ATTEMPTS = 3;

/** What the invite list shows for this invite now. */
async function shownStatus(inviteId: string) {
  const found = await findWorkspaceInvite(database.db, client.workspaceId, inviteId);
  if (!found) throw new Error('invite not found');
  return displayStatus({ ...found.invite, outboxStatus: found.outboxStatus, openedAt: null });
}

/** What the worker does for one job run: one attempt, and the timeline entry after the last. */
async function runDeliveryJob(outboxId: string, transport: ReturnType<typeof resendTransport>) {
  const outcome = await deliverOutboxMessage(database.db, outboxId, transport, MAX_ATTEMPTS);
  if (outcome.status === 'failed')
    await recordDeliveryFailure(database.db, outboxId, outcome.error);
  return outcome.status;
}

describe('when Resend is down', () => {
  it('keeps the invite, marks the email failed, and a resend delivers a fresh one once', async () => {
    const transport = resendTransport('re_test_key', standIn.baseUrl);
    const created = await createInvite(database.db, {
      inviter: client,
      input: inviteData('down@example.com'),
    });
    if (!created.ok) throw new Error(created.message);
    const inviteId = created.inviteId;
    const firstOutbox = (await findInvite(database.db, inviteId)).lastOutboxId!;
    expect(await shownStatus(inviteId)).toBe('queued');

    standIn.queue('error-500', 'error-429', 'error-500');
    expect(await runDeliveryJob(firstOutbox, transport)).toBe('retry');
    expect(await runDeliveryJob(firstOutbox, transport)).toBe('retry');
    expect(await runDeliveryJob(firstOutbox, transport)).toBe('failed');

    const invite = await findInvite(database.db, inviteId);
    expect(invite.status).toBe('pending');
    const failed = await findOutbox(database.db, firstOutbox);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.lastError).toMatch(/Resend is down/);
    expect(failed.html).not.toBeNull(); // kept: it was never delivered
    const events = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, inviteId));
    const failures = events.filter((e) => e.type === 'delivery_failed');
    expect(failures).toHaveLength(1);
    expect(failures[0].detail).toMatch(/Resend is down/);
    expect(await shownStatus(inviteId)).toBe('failed');
    expect(standIn.delivered.has(firstOutbox)).toBe(false);

    // The client resends; Resend is back.
    expect((await resendInvite(database.db, { inviter: client, inviteId })).ok).toBe(true);
    const secondOutbox = (await findInvite(database.db, inviteId)).lastOutboxId!;
    expect(secondOutbox).not.toBe(firstOutbox);
    expect(await shownStatus(inviteId)).toBe('queued');
    expect(await runDeliveryJob(secondOutbox, transport)).toBe('sent');
    expect(await runDeliveryJob(secondOutbox, transport)).toBe('already-done');
    // A late job for the failed message does not send it after all.
    expect(await runDeliveryJob(firstOutbox, transport)).toBe('already-done');

    const sent = await findOutbox(database.db, secondOutbox);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, html: null, text: null });
    expect(sent.providerMessageId).toBe(standIn.delivered.get(secondOutbox));
    const forThisAddress = standIn.requests.filter((r) =>
      [r.body.to].flat().includes('down@example.com'),
    );
    expect(forThisAddress.map((r) => r.idempotencyKey)).toEqual([
      firstOutbox,
      firstOutbox,
      firstOutbox,
      secondOutbox,
    ]);
    expect(
      [...standIn.delivered.keys()].filter((k) => k === secondOutbox || k === firstOutbox),
    ).toEqual([secondOutbox]);
    expect(await shownStatus(inviteId)).toBe('sent');

    // The timeline keeps the one failure; the resend did not add another.
    const eventsAfter = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, inviteId));
    expect(eventsAfter.filter((e) => e.type === 'delivery_failed')).toHaveLength(1);
  });

  it('does not blame the invite for a failure of an email it has since replaced', async () => {
    const created = await createInvite(database.db, {
      inviter: client,
      input: inviteData('replaced@example.com'),
    });
    if (!created.ok) throw new Error(created.message);
    const oldOutbox = (await findInvite(database.db, created.inviteId)).lastOutboxId!;
    await resendInvite(database.db, { inviter: client, inviteId: created.inviteId });
    await recordDeliveryFailure(database.db, oldOutbox, 'Resend is down');
    const events = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, created.inviteId));
    expect(events.map((e) => e.type).sort()).toEqual(['created', 'resent']);
  });
});
