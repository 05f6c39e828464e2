import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { clientWorkspaces, contracts, invoices } from '@/db/schema';
import { makeInvoice } from '@/lib/test-hooks/invoice-factory';
import { pdfText } from '@/tests/helpers/pdf-text';
import { browserRequest, routeArgs, statusOf } from '../calls';
import { defineCase, type Entry } from '../runner';
import type { World } from '../world';

/**
 * A week of the victim client's contract released to the victim freelancer, with the
 * workspace and the contract named by markers: the freelancer's report shows the client's
 * name, the client's report the contract's title, and no one else may see either.
 */
async function releaseVictimWeek(world: World): Promise<{ marker: string; protect: string[] }> {
  const marker = `matrix-${randomUUID()}`;
  const [contract] = await world.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.workspaceId, world.victimClient.workspaceId));
  // One hourly invoice per contract and week: a week no earlier case has used.
  const earlier = await world.db
    .select({ id: invoices.id })
    .from(invoices)
    .where(eq(invoices.contractId, contract.id));
  await makeInvoice(world.db, {
    kind: 'invoice',
    contractId: contract.id,
    weeksAgo: earlier.length + 1,
    stage: 'pending',
  });
  await world.db
    .update(clientWorkspaces)
    .set({ name: `${marker} client` })
    .where(eq(clientWorkspaces.id, world.victimClient.workspaceId));
  await world.db
    .update(contracts)
    .set({ title: `${marker} contract` })
    .where(eq(contracts.id, contract.id));
  return { marker, protect: [marker] };
}

/** The reports' CSV and PDF: whose figures is the caller's session, only. */
export const REPORT_ROUTE_CASES: Record<string, Entry> = {
  'app/(app)/earnings/reports/export/route.ts#GET': defineCase({
    kind: 'self',
    reason:
      "The caller's own earnings (releases to their pending account); nothing in the request names a freelancer.",
    rightful: 'victimFreelancer',
    arrange: releaseVictimWeek,
    args: () => routeArgs(browserRequest('/earnings/reports/export?by=client')),
    others: { otherFreelancer: 'own-rows' },
    async succeeded(outcome, { target }) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && outcome.body).toContain(`${target.marker} client`);
    },
  }),

  'app/(app)/earnings/reports/certificate/route.ts#GET': defineCase({
    kind: 'self',
    reason: "The caller's own certificate of earnings; nothing in the request names a freelancer.",
    rightful: 'victimFreelancer',
    arrange: releaseVictimWeek,
    args: () => routeArgs(browserRequest('/earnings/reports/certificate')),
    others: { otherFreelancer: 'own-rows' },
    async succeeded(outcome, { target }) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && pdfText(outcome.bytes)).toContain(target.marker);
    },
  }),

  'app/(app)/client/reports/export/route.ts#GET': defineCase({
    kind: 'self',
    reason:
      "The caller's own workspace's invoices and credit notes; nothing in the request names a workspace.",
    rightful: 'victimClient',
    arrange: releaseVictimWeek,
    args: () => routeArgs(browserRequest('/client/reports/export?by=contract')),
    others: { otherClient: 'own-rows' },
    async succeeded(outcome, { target }) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && outcome.body).toContain(`${target.marker} contract`);
    },
  }),
};
