import type { Inviter } from '@/lib/accounts/inviter';
import { eq } from 'drizzle-orm';
import { auditLog, contractAcceptances, contracts, emailOutbox, invites, users } from '@/db/schema';
import { joinFromInvite } from '@/lib/invites/accept';
import { createInvite, loadTerms } from '@/lib/invites/service';
import { editOffer } from '@/lib/invites/manage';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  findInvite,
  hourlyOfferInput,
  inviteData,
  parseOffer,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { acceptContract, declineContract, hashTerms } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
});
afterAll(() => database.dispose());

let n = 0;
/** An invite the freelancer has joined: returns their id, the contract and the hash shown. */
async function joinedOffer() {
  // A 20-hour weekly limit at a company: no compliance check, so acceptance activates.
  const result = await createInvite(database.db, {
    inviter: client,
    input: inviteData(`f${++n}@example.com`, { offer: hourlyOfferInput({ weeklyLimit: '20' }) }),
  });
  if (!result.ok) throw new Error(result.message);
  const invite = await findInvite(database.db, result.inviteId);
  const activated = await joinFromInvite(
    database.db,
    await tokenFromOutbox(database.db, invite.lastOutboxId!),
  );
  if (!activated.ok) throw new Error('activation failed');
  const [contract] = await database.db
    .select()
    .from(contracts)
    .where(eq(contracts.inviteId, invite.id));
  const terms = (await loadTerms(database.db, invite.id))!;
  return { freelancerId: activated.user.id, contract, inviteId: invite.id, hash: hashTerms(terms) };
}

const auditedFor = (contractId: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.targetId, contractId));

async function clientMail() {
  const [clientUser] = await database.db.select().from(users).where(eq(users.id, client.userId));
  return database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, clientUser.email));
}

describe('acceptContract', () => {
  it('stores a snapshot with hash, who and when, activates the contract and emails the client once', async () => {
    const offer = await joinedOffer();
    const before = (await clientMail()).length;
    const [first, second] = await Promise.all([
      acceptContract(database.db, {
        contractId: offer.contract.id,
        freelancerId: offer.freelancerId,
        shownHash: offer.hash,
      }),
      acceptContract(database.db, {
        contractId: offer.contract.id,
        freelancerId: offer.freelancerId,
        shownHash: offer.hash,
      }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const snapshots = await database.db
      .select()
      .from(contractAcceptances)
      .where(eq(contractAcceptances.contractId, offer.contract.id));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0].termsHash).toBe(offer.hash);
    expect(snapshots[0].freelancerId).toBe(offer.freelancerId);
    expect(JSON.parse(snapshots[0].terms).hourlyRateCents).toBe(5000);
    const [contract] = await database.db
      .select()
      .from(contracts)
      .where(eq(contracts.id, offer.contract.id));
    expect(contract.status).toBe('active');
    expect((await auditedFor(offer.contract.id)).map((r) => [r.action, r.actorId])).toEqual([
      ['contract.accepted', offer.freelancerId],
    ]);
    const mail = await clientMail();
    expect(mail.length - before).toBe(1);
    expect(mail.at(-1)?.subject).toMatch(/Alex Rivera accepted your offer/);
  });

  it('fails with "the offer changed" when the client edited it after it was shown', async () => {
    const offer = await joinedOffer();
    const edited = await editOffer(database.db, {
      inviter: client,
      inviteId: offer.inviteId,
      offer: parseOffer(hourlyOfferInput({ hourlyRateDollars: '40', weeklyLimit: '20' })),
    });
    expect(edited.ok).toBe(true);
    const result = await acceptContract(database.db, {
      contractId: offer.contract.id,
      freelancerId: offer.freelancerId,
      shownHash: offer.hash,
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'changed',
      message: expect.stringMatching(/offer changed/),
    });
    expect(
      await database.db
        .select()
        .from(contractAcceptances)
        .where(eq(contractAcceptances.contractId, offer.contract.id)),
    ).toHaveLength(0);
    expect(await auditedFor(offer.contract.id)).toEqual([]);
  });

  it('refuses someone who is not the invitee, and changes nothing', async () => {
    const offer = await joinedOffer();
    const [intruder] = await database.db
      .insert(users)
      .values({ email: 'intruder@example.com' })
      .returning();
    const result = await acceptContract(database.db, {
      contractId: offer.contract.id,
      freelancerId: intruder.id,
      shownHash: offer.hash,
    });
    expect(result).toMatchObject({ ok: false, reason: 'not-found' });
    const [contract] = await database.db
      .select()
      .from(contracts)
      .where(eq(contracts.id, offer.contract.id));
    expect(contract.status).toBe('offered');
  });
});

describe('declineContract', () => {
  it('records the reason on the invite, and emails the client with it', async () => {
    const offer = await joinedOffer();
    const reason = 'The timeline <b>does not</b> work for me.';
    const result = await declineContract(database.db, {
      contractId: offer.contract.id,
      freelancerId: offer.freelancerId,
      reason,
    });
    expect(result).toEqual({ ok: true, status: 'declined' });
    const [invite] = await database.db.select().from(invites).where(eq(invites.id, offer.inviteId));
    expect(invite.status).toBe('declined');
    expect(invite.declineReason).toBe(reason);
    const audited = await auditedFor(offer.contract.id);
    expect(audited.map((r) => [r.action, r.actorId])).toEqual([
      ['contract.declined', offer.freelancerId],
    ]);
    expect(audited[0].detail).not.toContain('timeline');
    const mail = (await clientMail()).at(-1)!;
    expect(mail.subject).toMatch(/declined your offer/);
    expect(mail.html).toContain('does not');
    expect(mail.html).not.toContain('<b>does not</b>');
    expect(
      await acceptContract(database.db, {
        contractId: offer.contract.id,
        freelancerId: offer.freelancerId,
        shownHash: offer.hash,
      }),
    ).toMatchObject({
      ok: false,
      reason: 'decided',
    });
  });
});
