import type { Inviter } from '@/lib/accounts/inviter';
import { asc, eq, inArray } from 'drizzle-orm';
import {
  contracts,
  emailOutbox,
  inviteEvents,
  inviteTokens,
  invites,
  milestones,
} from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  daysFromToday,
  findInvite,
  findOutbox,
  fixedOfferInput,
  hourlyOfferInput,
  inviteData,
  parseOffer,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { joinFromInvite } from './accept';
import { createInvite } from './service';
import { changeInviteEmail, editOffer, resendInvite, revokeInvite } from './manage';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
let intruder: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
  intruder = await createClient(database.db, { name: 'Mallory', workspaceName: 'Other Co' });
});
afterAll(() => database.dispose());

async function invite(email: string, inviter = client) {
  const result = await createInvite(database.db, { inviter, input: inviteData(email) });
  if (!result.ok) throw new Error(result.message);
  return result.inviteId;
}

async function tokensOf(inviteId: string) {
  return database.db
    .select()
    .from(inviteTokens)
    .where(eq(inviteTokens.inviteId, inviteId))
    .orderBy(asc(inviteTokens.createdAt));
}

async function eventsOf(inviteId: string) {
  const rows = await database.db
    .select()
    .from(inviteEvents)
    .where(eq(inviteEvents.inviteId, inviteId));
  return rows.map((e) => e.type).sort();
}

/** Every row an invite owns, to show that a refused action changed nothing. */
async function snapshot(inviteId: string) {
  const invite = await findInvite(database.db, inviteId);
  const [contract] = await database.db
    .select()
    .from(contracts)
    .where(eq(contracts.inviteId, inviteId));
  return {
    invite,
    contract,
    milestones: await database.db
      .select()
      .from(milestones)
      .where(eq(milestones.contractId, contract.id)),
    tokens: await tokensOf(inviteId),
    events: await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, inviteId)),
    outbox: await database.db.select().from(emailOutbox).orderBy(asc(emailOutbox.id)),
  };
}

/** Pushes an invite's expiry into the past or near future without touching anything else. */
async function setExpiry(inviteId: string, expiresAt: Date) {
  await database.db.update(invites).set({ expiresAt }).where(eq(invites.id, inviteId));
}

describe('resendInvite', () => {
  it('supersedes the old link, restarts the expiry and sends a new email', async () => {
    const id = await invite('resend@example.com');
    const before = await findInvite(database.db, id);
    const oldToken = await tokenFromOutbox(database.db, before.lastOutboxId!);
    await setExpiry(id, new Date(Date.now() + 60_000));

    expect(await resendInvite(database.db, { inviter: client, inviteId: id })).toEqual({
      ok: true,
      inviteId: id,
    });

    const after = await findInvite(database.db, id);
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(after.lastOutboxId).not.toBe(before.lastOutboxId);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const tokens = await tokensOf(id);
    expect(tokens).toHaveLength(2);
    expect(tokens.find((t) => t.tokenHash === hashToken(oldToken))?.supersededAt).toBeInstanceOf(
      Date,
    );
    expect(tokens.find((t) => t.tokenHash === after.tokenHash)?.supersededAt).toBeNull();

    const newToken = await tokenFromOutbox(database.db, after.lastOutboxId!);
    expect(newToken).not.toBe(oldToken);
    expect(hashToken(newToken)).toBe(after.tokenHash);
    expect((await findOutbox(database.db, after.lastOutboxId!)).toAddress).toBe(
      'resend@example.com',
    );
    expect(await eventsOf(id)).toEqual(['created', 'resent']);
  });

  it('revives an expired invite', async () => {
    const id = await invite('revive@example.com');
    await database.db
      .update(invites)
      .set({ status: 'expired', expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, id));
    expect((await resendInvite(database.db, { inviter: client, inviteId: id })).ok).toBe(true);
    const after = await findInvite(database.db, id);
    expect(after.status).toBe('pending');
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses to revive an expired invite when a newer one to that address is pending', async () => {
    const old = await invite('renewed@example.com');
    await setExpiry(old, new Date(Date.now() - 1000));
    const newer = await invite('renewed@example.com'); // marks the old one expired
    const before = await snapshot(old);
    expect(await resendInvite(database.db, { inviter: client, inviteId: old })).toMatchObject({
      ok: false,
      reason: 'duplicate',
      existingInviteId: newer,
    });
    expect(await snapshot(old)).toEqual(before);
  });

  it('refuses a joined (and decided) or revoked invite and changes nothing', async () => {
    const joined = await invite('joined@example.com');
    await database.db
      .update(invites)
      .set({ status: 'joined', joinedAt: new Date(), joinedById: intruder.userId })
      .where(eq(invites.id, joined));
    // The offer stays editable after joining until the freelancer decides; here they have.
    await database.db
      .update(contracts)
      .set({ status: 'active', freelancerId: intruder.userId })
      .where(eq(contracts.inviteId, joined));
    const revoked = await invite('revoked-before@example.com');
    expect((await revokeInvite(database.db, { inviter: client, inviteId: revoked })).ok).toBe(true);

    for (const [id, status] of [
      [joined, 'joined'],
      [revoked, 'revoked'],
    ] as const) {
      const before = await snapshot(id);
      expect(await resendInvite(database.db, { inviter: client, inviteId: id })).toEqual({
        ok: false,
        reason: 'not-pending',
        message: `This invite was ${status} and can no longer be changed.`,
      });
      expect(
        (
          await changeInviteEmail(database.db, {
            inviter: client,
            inviteId: id,
            email: 'else@example.com',
          })
        ).ok,
      ).toBe(false);
      expect(
        (
          await editOffer(database.db, {
            inviter: client,
            inviteId: id,
            offer: parseOffer(hourlyOfferInput({ hourlyRateDollars: '70' })),
          })
        ).ok,
      ).toBe(false);
      expect(await snapshot(id)).toEqual(before);
    }
  });
});

describe('changeInviteEmail', () => {
  it('moves the invite to the new address with a fresh link; the old link dies', async () => {
    const id = await invite('typo@exmaple.com');
    const before = await findInvite(database.db, id);
    expect(
      await changeInviteEmail(database.db, {
        inviter: client,
        inviteId: id,
        email: 'right@example.com',
      }),
    ).toEqual({
      ok: true,
      inviteId: id,
    });
    const after = await findInvite(database.db, id);
    expect(after.email).toBe('right@example.com');
    expect(after.tokenHash).not.toBe(before.tokenHash);
    const tokens = await tokensOf(id);
    expect(tokens.filter((t) => t.supersededAt === null).map((t) => t.tokenHash)).toEqual([
      after.tokenHash,
    ]);
    const outbox = await findOutbox(database.db, after.lastOutboxId!);
    expect(outbox.toAddress).toBe('right@example.com');
    expect(hashToken(await tokenFromOutbox(database.db, outbox.id))).toBe(after.tokenHash);
    const [event] = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, id))
      .then((rows) => rows.filter((e) => e.type === 'email_changed'));
    expect(event.detail).toBe('typo@exmaple.com → right@example.com');
  });

  it('refuses an address that already has a pending invite, and the same address', async () => {
    const id = await invite('one@example.com');
    const other = await invite('two@example.com');
    const before = await snapshot(id);
    expect(
      await changeInviteEmail(database.db, {
        inviter: client,
        inviteId: id,
        email: 'two@example.com',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'duplicate',
      existingInviteId: other,
    });
    expect(
      (
        await changeInviteEmail(database.db, {
          inviter: client,
          inviteId: id,
          email: 'one@example.com',
        })
      ).ok,
    ).toBe(false);
    expect(await snapshot(id)).toEqual(before);
  });

  it('allows an address whose pending invite has run out', async () => {
    const id = await invite('three@example.com');
    const lapsed = await invite('four@example.com');
    await setExpiry(lapsed, new Date(Date.now() - 1000));
    expect(
      await changeInviteEmail(database.db, {
        inviter: client,
        inviteId: id,
        email: 'four@example.com',
      }),
    ).toEqual({
      ok: true,
      inviteId: id,
    });
    expect((await findInvite(database.db, lapsed)).status).toBe('expired');
  });
});

describe('revokeInvite', () => {
  it('revokes the invite and withdraws its offer', async () => {
    const id = await invite('revoke@example.com');
    expect(await revokeInvite(database.db, { inviter: client, inviteId: id })).toEqual({
      ok: true,
      inviteId: id,
    });
    const after = await findInvite(database.db, id);
    expect(after.status).toBe('revoked');
    expect(after.revokedAt).toBeInstanceOf(Date);
    const [contract] = await database.db.select().from(contracts).where(eq(contracts.inviteId, id));
    expect(contract.status).toBe('withdrawn');
    expect(await eventsOf(id)).toEqual(['created', 'revoked']);
    // The address is free again.
    expect(
      (
        await createInvite(database.db, {
          inviter: client,
          input: inviteData('revoke@example.com'),
        })
      ).ok,
    ).toBe(true);
  });
});

describe('editOffer', () => {
  it('replaces the terms and milestones and bumps the version', async () => {
    const result = await createInvite(database.db, {
      inviter: client,
      input: inviteData('edit@example.com', { offer: fixedOfferInput() }),
    });
    if (!result.ok) throw new Error(result.message);
    const id = result.inviteId;
    const [before] = await database.db.select().from(contracts).where(eq(contracts.inviteId, id));

    const offer = parseOffer(
      fixedOfferInput({
        title: 'Logo and brand book',
        milestones: [
          { description: 'Everything', amountDollars: '2,000', dueDate: daysFromToday(30) },
        ],
      }),
    );
    expect(await editOffer(database.db, { inviter: client, inviteId: id, offer })).toEqual({
      ok: true,
      inviteId: id,
    });
    const [after] = await database.db.select().from(contracts).where(eq(contracts.inviteId, id));
    expect(after).toMatchObject({
      id: before.id,
      title: 'Logo and brand book',
      version: 2,
      feeBps: before.feeBps,
    });
    const rows = await database.db
      .select()
      .from(milestones)
      .where(eq(milestones.contractId, after.id));
    expect(rows.map((m) => [m.position, m.description, m.amountCents])).toEqual([
      [1, 'Everything', 200_000],
    ]);

    // Fixed to hourly: the milestones go, the rate comes.
    expect(
      (
        await editOffer(database.db, {
          inviter: client,
          inviteId: id,
          offer: parseOffer(hourlyOfferInput({ hourlyRateDollars: '80', weeklyLimit: '' })),
        })
      ).ok,
    ).toBe(true);
    const [hourly] = await database.db.select().from(contracts).where(eq(contracts.inviteId, id));
    expect(hourly).toMatchObject({
      kind: 'hourly',
      hourlyRateCents: 8000,
      weeklyLimitHours: null,
      version: 3,
    });
    expect(
      await database.db.select().from(milestones).where(eq(milestones.contractId, after.id)),
    ).toEqual([]);
    expect(await eventsOf(id)).toEqual(['created', 'offer_edited', 'offer_edited']);
  });
});

describe('editOffer and the freelancer', () => {
  const offerChangedTo = async (to: string) =>
    (await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).filter(
      (m) => m.template === 'offer-changed',
    );

  it('emails a freelancer who joined to review the changed offer again, in the same transaction', async () => {
    const id = await invite('joined-edit@example.com');
    const token = await tokenFromOutbox(
      database.db,
      (await findInvite(database.db, id)).lastOutboxId!,
    );
    const joined = await joinFromInvite(database.db, token, {});
    if (!joined.ok) throw new Error(joined.reason);
    const offer = parseOffer(hourlyOfferInput({ hourlyRateDollars: '48' }));
    expect((await editOffer(database.db, { inviter: client, inviteId: id, offer })).ok).toBe(true);

    const [mail, ...more] = await offerChangedTo(joined.user.email);
    expect(more).toEqual([]);
    const [contract] = await database.db.select().from(contracts).where(eq(contracts.inviteId, id));
    expect(mail.subject).toBe(
      `${client.name} changed the offer “${contract.title}”: review it again`,
    );
    expect(mail.text).toContain(`/onboarding/contract/${contract.id}`);
    expect(mail.text).toContain('Read the new terms before you decide');
    expect(mail.containsSecret).toBe(false);
  });

  it('sends nothing to an invitee who has not joined: their link shows the new terms', async () => {
    const id = await invite('pending-edit@example.com');
    const offer = parseOffer(hourlyOfferInput({ hourlyRateDollars: '48' }));
    expect((await editOffer(database.db, { inviter: client, inviteId: id, offer })).ok).toBe(true);
    expect(await offerChangedTo('pending-edit@example.com')).toEqual([]);
  });
});

describe("another client's invite", () => {
  it('is not found by resend, revoke, change of email or edit, and nothing changes', async () => {
    const id = await invite('private@example.com');
    const before = await snapshot(id);
    const notFound = { ok: false, reason: 'not-found', message: 'We could not find that invite.' };
    expect(await resendInvite(database.db, { inviter: intruder, inviteId: id })).toEqual(notFound);
    expect(await revokeInvite(database.db, { inviter: intruder, inviteId: id })).toEqual(notFound);
    expect(
      await changeInviteEmail(database.db, {
        inviter: intruder,
        inviteId: id,
        email: 'mallory@example.com',
      }),
    ).toEqual(notFound);
    expect(
      await editOffer(database.db, {
        inviter: intruder,
        inviteId: id,
        offer: parseOffer(hourlyOfferInput({ hourlyRateDollars: '3' })),
      }),
    ).toEqual(notFound);
    expect(await snapshot(id)).toEqual(before);
    const stolen = await database.db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.toAddress, ['mallory@example.com']));
    expect(stolen).toEqual([]);
  });

  it('answers the same for an id that does not exist', async () => {
    expect(
      await resendInvite(database.db, {
        inviter: client,
        inviteId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });
});
