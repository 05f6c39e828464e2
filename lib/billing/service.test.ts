import { auditLog } from '@/db/schema';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { createWorkspace } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { snapshotDatabase } from '@/tests/helpers/db-snapshot';
import {
  addSimulatedCard,
  APPROVED_CARD,
  clientWithCard,
  DECLINED_CARD,
  methodsOf,
} from '@/tests/helpers/billing-fixtures';
import {
  hasBillingMethod,
  listBillingMethods,
  removeBillingMethod,
  setDefaultBillingMethod,
} from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const provider = () => createSimulatedProvider(database.db);

it('keeps only the brand and last 4 of a card; the first card is the default', async () => {
  const inviter = await createWorkspace(database.db, 'company');
  expect(await hasBillingMethod(database.db, inviter.workspaceId)).toBe(false);
  const added = await addSimulatedCard(database.db, provider(), inviter, APPROVED_CARD);
  expect(added.ok).toBe(true);
  expect(await hasBillingMethod(database.db, inviter.workspaceId)).toBe(true);
  expect(await listBillingMethods(database.db, inviter.workspaceId)).toEqual([
    expect.objectContaining({ brand: 'Visa', last4: '4242', expires: '12/40', isDefault: true }),
  ]);
  // The number is nowhere in the database: not the method, not the audit log.
  const everything = JSON.stringify(await snapshotDatabase(database));
  expect(everything).not.toContain('4242424242424242');
  expect(everything).not.toContain('4242 4242 4242 4242');
  const audit = await database.db.select().from(auditLog);
  expect(audit.map((a) => a.detail)).toContain('Visa ending in 4242');
});

it('refuses a declined card with a clear message and saves nothing', async () => {
  const inviter = await createWorkspace(database.db, 'company');
  const declined = await addSimulatedCard(database.db, provider(), inviter, DECLINED_CARD);
  expect(declined).toEqual({
    ok: false,
    reason: 'declined',
    message: 'Your card was declined. Try another card.',
  });
  expect(await methodsOf(database.db, inviter.workspaceId)).toEqual([]);
});

it('refuses a number that fails the Luhn check', async () => {
  const inviter = await createWorkspace(database.db, 'company');
  const result = await addSimulatedCard(database.db, provider(), inviter, '4242 4242 4242 4241');
  expect(result).toMatchObject({ ok: false, reason: 'invalid' });
});

it('moves the default between the workspace’s own cards, one default at a time', async () => {
  const { inviter, methodId: first } = await clientWithCard(database.db, provider());
  const second = await addSimulatedCard(database.db, provider(), inviter, '5555 5555 5555 4444');
  if (!second.ok) throw new Error(second.message);
  expect((await setDefaultBillingMethod(database.db, inviter, second.methodId, null)).ok).toBe(
    true,
  );
  const rows = await methodsOf(database.db, inviter.workspaceId);
  expect(rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([second.methodId]);
  // Removing the default hands it to the card that is left.
  expect(
    (await removeBillingMethod(database.db, provider(), inviter, second.methodId, null)).ok,
  ).toBe(true);
  const after = await listBillingMethods(database.db, inviter.workspaceId);
  expect(after).toEqual([expect.objectContaining({ id: first, isDefault: true })]);
  // A removed card no longer counts as a way to pay; the last one gone, none does.
  expect(await hasBillingMethod(database.db, inviter.workspaceId)).toBe(true);
  expect((await removeBillingMethod(database.db, provider(), inviter, first, null)).ok).toBe(true);
  expect(await hasBillingMethod(database.db, inviter.workspaceId)).toBe(false);
});

it('refuses another client’s billing method and changes nothing', async () => {
  const victim = await clientWithCard(database.db, provider());
  const second = await addSimulatedCard(
    database.db,
    provider(),
    victim.inviter,
    '5555 5555 5555 4444',
  );
  if (!second.ok) throw new Error(second.message);
  const stranger = await createWorkspace(database.db, 'company');
  const before = await snapshotDatabase(database);
  for (const methodId of [victim.methodId, second.methodId]) {
    const asDefault = await setDefaultBillingMethod(database.db, stranger, methodId, null);
    const removed = await removeBillingMethod(database.db, provider(), stranger, methodId, null);
    expect(asDefault).toMatchObject({ ok: false, reason: 'not-found' });
    expect(removed).toMatchObject({ ok: false, reason: 'not-found' });
  }
  expect(await snapshotDatabase(database)).toEqual(before);
});
