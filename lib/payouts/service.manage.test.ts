import { and, eq, isNull } from 'drizzle-orm';
import { emailOutbox, payoutMethods } from '@/db/schema';
import type { Actor } from '@/lib/accounts/recent-sign-in';
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

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const freshFreelancer = () => signedInFreelancer(database.db);
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

  it('keeps one default when several requests race to set it', async () => {
    const { who, actor } = await freshFreelancer();
    const ids = [];
    for (const input of [US_BANK, IBAN_ACCOUNT, PAYPAL, { ...PAYPAL, kind: 'payoneer' }])
      ids.push(await add(actor, input));
    const results = await Promise.all(
      ids.map((id) => setDefaultPayoutMethod(database.db, actor, id)),
    );
    for (const r of results) {
      if (!r.ok)
        expect(r).toEqual({
          ok: false,
          reason: 'conflict',
          message: expect.stringContaining('at the same moment'),
        });
    }
    const defaults = (await payoutRows(database.db, who.userId)).filter((r) => r.isDefault);
    expect(defaults).toHaveLength(1);
    const winners = results.flatMap((r) =>
      r.ok ? [r.status === 'applied' ? r.methodId : ''] : [],
    );
    expect(winners).toContain(defaults[0].id);
  });

  it('keeps one default when two first methods are added at once', async () => {
    const { who, actor } = await freshFreelancer();
    const results = await Promise.all(
      [US_BANK, IBAN_ACCOUNT].map((input) => requestAddPayoutMethod(database.db, actor, input)),
    );
    expect(results.some((r) => r.ok)).toBe(true);
    const rows = await payoutRows(database.db, who.userId);
    expect(rows.filter((r) => r.isDefault)).toHaveLength(1);
    expect(rows).toHaveLength(results.filter((r) => r.ok).length);
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
