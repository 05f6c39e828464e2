import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { contracts } from '@/db/schema';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { devClock } from '@/db/schema';
import { browserRequest, formOf, postRequest, redirectedTo, routeArgs, statusOf } from '../calls';
import { defineCase, everyone, invoke, type Entry } from '../runner';
import type { World } from '../world';

/**
 * The victim client's contract charged and the money released to the victim freelancer,
 * each with a memo no one else may see.
 */
async function postVictimMoney(world: World): Promise<{ marker: string }> {
  const marker = `matrix-${randomUUID()}`;
  const [contract] = await world.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.workspaceId, world.victimClient.workspaceId));
  await world.db.transaction(async (tx) => {
    const source = { type: 'invoice', id: randomUUID() };
    await postTransaction(tx, {
      key: randomUUID(),
      source,
      kind: 'charge',
      memo: marker,
      entries: [
        { account: accounts.clientFunding(), cents: -10_000, currency: 'USD' },
        { account: accounts.inReview(contract.id), cents: 10_000, currency: 'USD' },
      ],
    });
    await postTransaction(tx, {
      key: randomUUID(),
      source,
      kind: 'release',
      memo: marker,
      entries: [
        { account: accounts.inReview(contract.id), cents: -10_000, currency: 'USD' },
        {
          account: accounts.pending(world.victimFreelancer.userId),
          cents: 10_000,
          currency: 'USD',
        },
      ],
    });
  });
  return { marker };
}

/** The CSV exports of transaction history: whose history is the caller's session, only. */
export const LEDGER_ROUTE_CASES: Record<string, Entry> = {
  'app/(app)/client/transactions/export/route.ts#GET': defineCase({
    kind: 'self',
    reason:
      "The caller's own workspace's charges and refunds; nothing in the request names a workspace.",
    rightful: 'victimClient',
    async arrange(world) {
      const { marker } = await postVictimMoney(world);
      return { marker, protect: [marker] };
    },
    args: () => routeArgs(browserRequest('/client/transactions/export')),
    others: { otherClient: 'own-rows' },
    async succeeded(outcome, { target }) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && outcome.body).toContain(target.marker);
    },
  }),

  'app/(app)/earnings/transactions/export/route.ts#GET': defineCase({
    kind: 'self',
    reason:
      "The caller's own pending, available and withdrawing accounts; nothing in the request names a freelancer.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const { marker } = await postVictimMoney(world);
      return { marker, protect: [marker] };
    },
    args: () => routeArgs(browserRequest('/earnings/transactions/export')),
    others: { otherFreelancer: 'own-rows' },
    async succeeded(outcome, { target }) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && outcome.body).toContain(target.marker);
    },
  }),

  'app/dev/clock/set/route.ts#POST': defineCase({
    kind: 'dev-only',
    reason:
      'Moves the clock of every process ahead of the real time: development and the e2e run only (NODE_ENV other than production, or E2E_TEST_HOOKS); a 404 in production.',
    rightful: 'anonymous',
    arrange: async () => ({}),
    // The matrix moves it by zero days: the other cases of the run keep the real time.
    args: () => routeArgs(postRequest('/dev/clock/set', { body: formOf({ offsetDays: '0' }) })),
    others: everyone('allowed'),
    async succeeded(outcome, { world }) {
      expect(statusOf(outcome)).toBe(303);
      expect(redirectedTo(outcome)).toBe('/dev/clock');
      const [row] = await world.db.select().from(devClock);
      expect(row.offsetMs).toBe(0);
    },
    async also(fn, { world }) {
      const production = {
        NODE_ENV: 'production',
        AUTH_SECRET: 'matrix-'.repeat(6),
        EMAIL_TRANSPORT: 'mailbox',
        APP_URL: 'https://app.workbridge.example',
        PAYMENTS_PROVIDER: 'simulated',
        E2E_TEST_HOOKS: undefined,
      };
      await world.withEnv(production, async () => {
        const request = postRequest('/dev/clock/set', { body: formOf({ offsetDays: '3' }) });
        expect(statusOf(await invoke(fn, routeArgs(request)))).toBe(404);
      });
    },
  }),

  'app/dev/clock/tick/route.ts#POST': defineCase({
    kind: 'dev-only',
    reason:
      "Runs the billing tick at the clock's time instead of waiting for its schedule: development and the e2e run only (as the clock itself); a 404 in production.",
    rightful: 'anonymous',
    arrange: async () => ({}),
    args: () => routeArgs(postRequest('/dev/clock/tick', { body: formOf({}) })),
    others: everyone('allowed'),
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(303);
      expect(redirectedTo(outcome)).toMatch(/^\/dev\/clock\?ticked=\d+$/);
    },
    async also(fn, { world }) {
      const production = {
        NODE_ENV: 'production',
        AUTH_SECRET: 'matrix-'.repeat(6),
        EMAIL_TRANSPORT: 'mailbox',
        APP_URL: 'https://app.workbridge.example',
        PAYMENTS_PROVIDER: 'simulated',
        E2E_TEST_HOOKS: undefined,
      };
      await world.withEnv(production, async () => {
        const request = postRequest('/dev/clock/tick', { body: formOf({}) });
        expect(statusOf(await invoke(fn, routeArgs(request)))).toBe(404);
      });
    },
  }),

  'app/dev/clock/settle/route.ts#POST': defineCase({
    kind: 'dev-only',
    reason:
      'Runs the card settlement job now instead of waiting a minute: development and the e2e run only (as the clock itself); a 404 in production.',
    rightful: 'anonymous',
    arrange: async () => ({}),
    args: () => routeArgs(postRequest('/dev/clock/settle', { body: formOf({}) })),
    others: everyone('allowed'),
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(303);
      expect(redirectedTo(outcome)).toMatch(/^\/dev\/clock\?settled=\d+$/);
    },
    async also(fn, { world }) {
      const production = {
        NODE_ENV: 'production',
        AUTH_SECRET: 'matrix-'.repeat(6),
        EMAIL_TRANSPORT: 'mailbox',
        APP_URL: 'https://app.workbridge.example',
        PAYMENTS_PROVIDER: 'simulated',
        E2E_TEST_HOOKS: undefined,
      };
      await world.withEnv(production, async () => {
        const request = postRequest('/dev/clock/settle', { body: formOf({}) });
        expect(statusOf(await invoke(fn, routeArgs(request)))).toBe(404);
      });
    },
  }),
};
