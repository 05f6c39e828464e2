import { and, eq, isNull } from 'drizzle-orm';
import { auditLog, emailOutbox, payoutMethods } from '@/db/schema';
import type { Actor } from '@/lib/accounts/recent-sign-in';
import { decryptSecret } from '@/lib/crypto/encryption';
import {
  competeForDefault,
  competeForFirstDefault,
  holdLocksWhile,
} from '@/tests/helpers/competing-writes';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  actorSignedIn,
  addPayoutMethodNow,
  IBAN_ACCOUNT,
  latestEmail,
  PAYPAL,
  payoutRows,
  signedInFreelancer,
  US_BANK,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import {
  listPayoutMethods,
  requestAddPayoutMethod,
  requestRemovePayoutMethod,
  setDefaultPayoutMethod,
} from './service';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const freshFreelancer = () => signedInFreelancer(database.db);

const CONFLICT_ANSWER = {
  ok: false,
  reason: 'conflict',
  message:
    'Another change to your payout methods happened at the same moment. Reload the page and try again.',
};
const add = (actor: Actor, input: Record<string, unknown>) =>
  addPayoutMethodNow(database.db, actor, input);

describe('default method', () => {
  it('moves the default and keeps exactly one', async () => {
    const { who, actor } = await freshFreelancer();
    const first = await add(actor, US_BANK);
    const second = await add(actor, IBAN_ACCOUNT);
    expect(await setDefaultPayoutMethod(database.db, actor, second)).toEqual({
      ok: true,
      status: 'applied',
      methodId: second,
    });
    const rows = await payoutRows(database.db, who.userId);
    expect(rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([second]);
    expect(rows.find((r) => r.id === first)?.isDefault).toBe(false);
  });

  it('keeps one default when several requests race to set it; each loser is told to reload', async () => {
    const { who, actor } = await freshFreelancer();
    const ids: string[] = [];
    for (const input of [US_BANK, IBAN_ACCOUNT, PAYPAL, { ...PAYPAL, kind: 'payoneer' }])
      ids.push(await add(actor, input));
    // On a server, all three requests for another method reach the old default together.
    const results = await holdLocksWhile(
      database,
      { sql: 'select id from payout_method where id = $1 for update', params: [ids[0]] },
      3,
      () => Promise.all(ids.map((id) => setDefaultPayoutMethod(database.db, actor, id))),
    );
    const losers = results.filter((r) => !r.ok);
    for (const r of losers) expect(r).toEqual(CONFLICT_ANSWER);
    // The first method was the default already: a no-op. One request for another one won.
    const winners = results.slice(1).flatMap((r) => (r.ok && r.status === 'applied' ? [r] : []));
    expect(winners.length + losers.length).toBe(3);
    expect(losers).toHaveLength(database.kind === 'postgres' ? 2 : 0);
    const defaults = (await payoutRows(database.db, who.userId)).filter((r) => r.isDefault);
    expect(defaults).toHaveLength(1);
    expect(winners.map((r) => r.methodId)).toContain(defaults[0].id);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, who.userId), eq(auditLog.action, 'payout.default_changed')));
    expect(audits).toHaveLength(winners.length);
  });

  it('tells the loser of a race for the default to reload, and changes nothing', async () => {
    const { who, actor } = await freshFreelancer();
    const first = await add(actor, US_BANK);
    const competitor = await add(actor, IBAN_ACCOUNT);
    const third = await add(actor, PAYPAL);
    const stopCompeting = await competeForDefault(database, who.userId, competitor);
    try {
      expect(await setDefaultPayoutMethod(database.db, actor, third)).toEqual(CONFLICT_ANSWER);
    } finally {
      await stopCompeting();
    }
    const rows = await payoutRows(database.db, who.userId);
    expect(rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([first]);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, who.userId), eq(auditLog.action, 'payout.default_changed')));
    expect(audits).toEqual([]);
  });

  it('saves both of two first methods added at once, exactly one as the default', async () => {
    const { who, actor } = await freshFreelancer();
    // On a server, the account row is held so both inserts are in flight before either commits.
    const results = await holdLocksWhile(
      database,
      { sql: 'select id from "user" where id = $1 for update', params: [who.userId] },
      2,
      () =>
        Promise.all(
          [US_BANK, IBAN_ACCOUNT].map((input) =>
            asSubmitted(addPayoutMethodSchema, input, (input) =>
              requestAddPayoutMethod(database.db, actor, input),
            ),
          ),
        ),
    );
    expect(results).toEqual([
      { ok: true, status: 'applied', methodId: expect.any(String) },
      { ok: true, status: 'applied', methodId: expect.any(String) },
    ]);
    const rows = await payoutRows(database.db, who.userId);
    expect(rows.map((r) => r.kind).sort()).toEqual(['iban', 'us_bank']);
    expect(rows.filter((r) => r.isDefault)).toHaveLength(1);
  });

  it('saves a method that loses the race for the first default as a non-default one', async () => {
    const { who, actor } = await freshFreelancer();
    const stopCompeting = await competeForFirstDefault(database, who.userId);
    let methodId: string;
    try {
      methodId = await add(actor, US_BANK);
    } finally {
      await stopCompeting();
    }
    const rows = await payoutRows(database.db, who.userId);
    expect(rows.map((r) => [r.kind, r.isDefault]).sort()).toEqual([
      ['payoneer', true],
      ['us_bank', false],
    ]);
    const saved = rows.find((r) => r.id === methodId);
    expect(saved).toMatchObject({ kind: 'us_bank', last4: '0417', removedAt: null });
    expect(decryptSecret(saved!.accountNumberEncrypted!)).toBe(US_BANK.accountNumber);
    expect((await latestEmail(database.db, who.email, 'payout-added')).text).toContain(
      'ending 0417',
    );
  });

  it('is guarded by the database itself: a second default row is refused', async () => {
    const { who, actor } = await freshFreelancer();
    await add(actor, US_BANK);
    const second = await add(actor, PAYPAL);
    await expect(
      database.db
        .update(payoutMethods)
        .set({ isDefault: true })
        .where(eq(payoutMethods.id, second)),
    ).rejects.toThrow();
    expect((await payoutRows(database.db, who.userId)).filter((r) => r.isDefault)).toHaveLength(1);
  });
});

describe('removing', () => {
  it('is soft, sends a notice, and hands the default to the oldest remaining method', async () => {
    const { who, actor } = await freshFreelancer();
    const first = await add(actor, US_BANK);
    const second = await add(actor, IBAN_ACCOUNT);
    expect(await requestRemovePayoutMethod(database.db, actor, first)).toEqual({
      ok: true,
      status: 'applied',
      methodId: first,
    });
    const rows = await payoutRows(database.db, who.userId);
    expect(rows.find((r) => r.id === first)?.removedAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.id === second)?.isDefault).toBe(true);
    expect((await listPayoutMethods(database.db, who.userId)).map((m) => m.id)).toEqual([second]);
    expect((await latestEmail(database.db, who.email, 'payout-removed')).text).toContain(
      'ending 0417',
    );
    expect(await requestRemovePayoutMethod(database.db, actor, first)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe("another user's payout method", () => {
  it('cannot be removed or made default, and nothing changes', async () => {
    const owner = await freshFreelancer();
    const intruder = await freshFreelancer();
    const first = await add(owner.actor, US_BANK);
    const second = await add(owner.actor, IBAN_ACCOUNT);
    const before = await payoutRows(database.db, owner.who.userId);
    const outboxBefore = await database.db.select({ id: emailOutbox.id }).from(emailOutbox);

    for (const id of [first, second]) {
      expect(await requestRemovePayoutMethod(database.db, intruder.actor, id)).toEqual({
        ok: false,
        reason: 'not-found',
        message: 'We could not find that payout method.',
      });
      expect(await setDefaultPayoutMethod(database.db, intruder.actor, id)).toMatchObject({
        ok: false,
        reason: 'not-found',
      });
    }
    // Not even when the intruder's session is old (which would only send a confirmation link).
    const staleIntruder = await actorSignedIn(database.db, intruder.who, 120);
    expect(await requestRemovePayoutMethod(database.db, staleIntruder, first)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(
      await requestRemovePayoutMethod(database.db, intruder.actor, 'not-a-uuid'),
    ).toMatchObject({ ok: false, reason: 'not-found' });

    expect(await payoutRows(database.db, owner.who.userId)).toEqual(before);
    expect(await database.db.select({ id: emailOutbox.id }).from(emailOutbox)).toHaveLength(
      outboxBefore.length,
    );
    const intruderRows = await database.db
      .select()
      .from(payoutMethods)
      .where(and(eq(payoutMethods.userId, intruder.who.userId), isNull(payoutMethods.removedAt)));
    expect(intruderRows).toEqual([]);
  });
});
