import type { Inviter } from '@/lib/accounts/inviter';
import { eq } from 'drizzle-orm';
import { emailOutbox, inviteEvents, webhookEvents } from '@/db/schema';
import { signSvix, verifySvixSignature } from '@/lib/security/webhook-signature';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient, findInvite, inviteData } from '@/tests/helpers/invite-fixtures';
import { createInvite } from './service';
import { resendInvite } from './manage';
import { applyResendEvent } from './webhooks';

const SECRET = `whsec_${Buffer.from('a-32-byte-secret-for-the-tests!!').toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.from('another-secret-that-is-not-ours!').toString('base64')}`;

describe('verifySvixSignature', () => {
  const now = Date.UTC(2026, 5, 1, 12, 0, 0);
  const ts = Math.floor(now / 1000);
  const body = JSON.stringify({ type: 'email.delivered', data: { email_id: 're_1' } });
  const headers = (
    signature: string | null,
    timestamp: string | null = String(ts),
    id: string | null = 'msg_1',
  ) => ({
    id,
    timestamp,
    signature,
  });

  it('accepts a correct signature, also among several', () => {
    const sig = signSvix(SECRET, 'msg_1', ts, body);
    expect(verifySvixSignature(SECRET, headers(sig), body, now)).toBe(true);
    expect(verifySvixSignature(SECRET, headers(`v1,bm90LWl0 ${sig}`), body, now)).toBe(true);
  });

  it('rejects a wrong secret, a tampered body, another id and a wrong version', () => {
    const sig = signSvix(SECRET, 'msg_1', ts, body);
    expect(verifySvixSignature(OTHER_SECRET, headers(sig), body, now)).toBe(false);
    expect(
      verifySvixSignature(SECRET, headers(sig), body.replace('delivered', 'bounced'), now),
    ).toBe(false);
    expect(verifySvixSignature(SECRET, headers(sig, String(ts), 'msg_2'), body, now)).toBe(false);
    expect(verifySvixSignature(SECRET, headers(sig.replace('v1,', 'v2,')), body, now)).toBe(false);
    expect(verifySvixSignature(SECRET, headers('v1,'), body, now)).toBe(false);
  });

  it('rejects a timestamp more than five minutes away, either way', () => {
    const sign = (t: number) => signSvix(SECRET, 'msg_1', t, body);
    expect(verifySvixSignature(SECRET, headers(sign(ts - 299), String(ts - 299)), body, now)).toBe(
      true,
    );
    expect(verifySvixSignature(SECRET, headers(sign(ts - 301), String(ts - 301)), body, now)).toBe(
      false,
    );
    expect(verifySvixSignature(SECRET, headers(sign(ts + 301), String(ts + 301)), body, now)).toBe(
      false,
    );
    expect(verifySvixSignature(SECRET, headers(sign(ts), `${ts}.0`), body, now)).toBe(false);
  });

  it('rejects missing headers', () => {
    const sig = signSvix(SECRET, 'msg_1', ts, body);
    expect(verifySvixSignature(SECRET, headers(null), body, now)).toBe(false);
    expect(verifySvixSignature(SECRET, headers(sig, null), body, now)).toBe(false);
    expect(verifySvixSignature(SECRET, headers(sig, String(ts), null), body, now)).toBe(false);
    expect(verifySvixSignature(SECRET, headers(''), body, now)).toBe(false);
  });
});

describe('applyResendEvent', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Inviter;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = await createClient(database.db);
  });
  afterAll(() => database.dispose());

  /** An invite whose latest email Resend accepted under a provider id. */
  async function sentInvite() {
    counter++;
    const created = await createInvite(database.db, {
      inviter: client,
      input: inviteData(`hook-${counter}@example.com`),
    });
    if (!created.ok) throw new Error(created.message);
    const invite = await findInvite(database.db, created.inviteId);
    const providerId = `re_provider_${counter}`;
    await database.db
      .update(emailOutbox)
      .set({ providerMessageId: providerId })
      .where(eq(emailOutbox.id, invite.lastOutboxId!));
    return { inviteId: created.inviteId, providerId };
  }

  const event = (type: string, emailId: string) => ({
    type,
    created_at: '2026-06-01T12:00:00Z',
    data: { email_id: emailId, to: ['x'] },
  });

  async function eventTypes(inviteId: string) {
    const rows = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, inviteId));
    return rows.map((e) => e.type).sort();
  }

  it.each([
    ['email.delivered', 'delivered'],
    ['email.bounced', 'bounced'],
    ['email.complained', 'complained'],
  ] as const)('maps %s onto the invite of that email', async (type, mapped) => {
    const { inviteId, providerId } = await sentInvite();
    expect(
      await applyResendEvent(database.db, `evt_${type}_${providerId}`, event(type, providerId)),
    ).toBe('applied');
    expect((await findInvite(database.db, inviteId)).deliveryEvent).toBe(mapped);
    expect(await eventTypes(inviteId)).toEqual(['created', mapped].sort());
  });

  it('applies each event id once', async () => {
    const { inviteId, providerId } = await sentInvite();
    const body = event('email.bounced', providerId);
    expect(await applyResendEvent(database.db, 'evt_once', body)).toBe('applied');
    expect(await applyResendEvent(database.db, 'evt_once', body)).toBe('duplicate');
    expect(await eventTypes(inviteId)).toEqual(['bounced', 'created']);
    expect(
      await database.db.select().from(webhookEvents).where(eq(webhookEvents.id, 'evt_once')),
    ).toHaveLength(1);
  });

  it('applies concurrent deliveries of the same event once', async () => {
    const { inviteId, providerId } = await sentInvite();
    const body = event('email.delivered', providerId);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => applyResendEvent(database.db, 'evt_race', body)),
    );
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(4);
    expect(await eventTypes(inviteId)).toEqual(['created', 'delivered']);
  });

  it('ignores unknown types and emails it does not know, and refuses a malformed body', async () => {
    const { inviteId, providerId } = await sentInvite();
    expect(
      await applyResendEvent(database.db, 'evt_clicked', event('email.clicked', providerId)),
    ).toBe('ignored');
    expect(
      await applyResendEvent(
        database.db,
        'evt_unknown_email',
        event('email.delivered', 're_nobody'),
      ),
    ).toBe('ignored');
    expect(
      await applyResendEvent(database.db, 'evt_bad', { type: 'email.delivered', data: {} }),
    ).toBe('invalid');
    expect(await applyResendEvent(database.db, 'evt_bad2', 'not json')).toBe('invalid');
    expect((await findInvite(database.db, inviteId)).deliveryEvent).toBeNull();
    expect(await eventTypes(inviteId)).toEqual(['created']);
  });

  it('keeps a bounce when a late "delivered" arrives', async () => {
    const { inviteId, providerId } = await sentInvite();
    await applyResendEvent(database.db, 'evt_bounce_first', event('email.bounced', providerId));
    expect(
      await applyResendEvent(
        database.db,
        'evt_late_delivered',
        event('email.delivered', providerId),
      ),
    ).toBe('applied');
    expect((await findInvite(database.db, inviteId)).deliveryEvent).toBe('bounced');
    expect(await eventTypes(inviteId)).toEqual(['bounced', 'created']);
  });

  it('ignores events about an email the invite has since replaced', async () => {
    const { inviteId, providerId } = await sentInvite();
    expect((await resendInvite(database.db, { inviter: client, inviteId })).ok).toBe(true);
    expect(
      await applyResendEvent(database.db, 'evt_old_email', event('email.bounced', providerId)),
    ).toBe('ignored');
    expect((await findInvite(database.db, inviteId)).deliveryEvent).toBeNull();
  });
});
