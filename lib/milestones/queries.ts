import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  clientWorkspaces,
  contractAcceptances,
  contracts,
  freelancerProfiles,
  invoices,
  milestones,
  milestoneStates,
  paymentCharges,
  users,
} from '@/db/schema';
import type { ChargeRow } from '@/lib/billing/queries';
import {
  findContractForViewer,
  type ContractRow,
  type ContractSide,
  type ContractViewer,
} from '@/lib/contracts/access';
import type { InvoiceRow } from '@/lib/invoices/issue';
import { findFundingWaits, type FundingWait } from '@/lib/onboarding/funding-waits';

export type MilestoneRow = typeof milestones.$inferSelect;
export type MilestoneStateRow = typeof milestoneStates.$inferSelect;
export type MilestoneStatus = MilestoneStateRow['status'];

/** The charge source type of a milestone's funding (ChargeHooks are registered under it). */
export const MILESTONE_FUNDING_SOURCE = 'milestone_funding';

/** The milestone if it belongs to this contract (callers have scoped the contract first). */
export async function findMilestoneOfContract(
  db: DbOrTx,
  contractId: string,
  milestoneId: string,
): Promise<{ milestone: MilestoneRow; state: MilestoneStateRow | null } | null> {
  const [row] = await db
    .select({ milestone: milestones, state: milestoneStates })
    .from(milestones)
    .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
    .where(and(eq(milestones.id, milestoneId), eq(milestones.contractId, contractId)));
  return row ?? null;
}

/** The milestone's funding invoice (one per milestone, reused by a later attempt). */
export async function findFundingInvoice(
  db: DbOrTx,
  milestoneId: string,
): Promise<InvoiceRow | null> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.milestoneId, milestoneId), eq(invoices.kind, 'milestone')));
  return row ?? null;
}

/** The charges of an invoice, oldest first (a later one follows a final decline). */
export async function listChargesOf(
  db: DbOrTx,
  sourceType: string,
  invoiceId: string,
): Promise<ChargeRow[]> {
  return db
    .select()
    .from(paymentCharges)
    .where(and(eq(paymentCharges.sourceType, sourceType), eq(paymentCharges.sourceId, invoiceId)))
    .orderBy(asc(paymentCharges.createdAt), asc(paymentCharges.attempt));
}

export type MilestoneView = {
  contract: ContractRow;
  side: ContractSide;
  milestone: MilestoneRow;
  /** 'unfunded' until the client first funds it. */
  status: MilestoneStatus;
  state: MilestoneStateRow | null;
  invoice: InvoiceRow | null;
  /** The latest charge of the funding invoice: processing, declined, settled. */
  charge: ChargeRow | null;
  milestoneCount: number;
};

/**
 * A milestone as the viewer may see it: the contract through findContractForViewer (an
 * id of someone else's reveals nothing), then the milestone of that contract.
 */
export async function findMilestoneForViewer(
  db: DbOrTx,
  viewer: ContractViewer,
  contractId: string,
  milestoneId: string,
): Promise<MilestoneView | null> {
  const found = await findContractForViewer(db, contractId, viewer);
  if (!found || found.contract.kind !== 'fixed') return null;
  const row = await findMilestoneOfContract(db, contractId, milestoneId);
  if (!row) return null;
  const invoice = await findFundingInvoice(db, milestoneId);
  const charges = invoice ? await listChargesOf(db, MILESTONE_FUNDING_SOURCE, invoice.id) : [];
  const all = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.contractId, contractId));
  return {
    ...found,
    milestone: row.milestone,
    state: row.state,
    status: row.state?.status ?? 'unfunded',
    invoice,
    charge: charges.at(-1) ?? null,
    milestoneCount: all.length,
  };
}

/** The contract's milestones in order, with where each stands. */
export async function listContractMilestones(db: DbOrTx, contractId: string) {
  const rows = await db
    .select({ milestone: milestones, status: milestoneStates.status })
    .from(milestones)
    .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
    .where(eq(milestones.contractId, contractId))
    .orderBy(asc(milestones.position));
  return rows.map((r) => ({ ...r.milestone, status: r.status ?? ('unfunded' as const) }));
}

/**
 * "Waiting for the client to fund milestone 1": the wait on this contract, or null once
 * milestone 1 is in escrow (or the contract is not an accepted fixed-price one). For the
 * contract page and the client's dashboard.
 */
export async function fundingWaitOf(db: DbOrTx, contractId: string): Promise<FundingWait | null> {
  const [wait] = await findFundingWaits(db, { contractId });
  return wait ?? null;
}

/**
 * Who is emailed about a contract: the client (the workspace's owner) and the freelancer.
 * A name may be empty: say `client.name || client.workspaceName`, `freelancer.name ||
 * 'The freelancer'` where a sentence needs one (partyNames below).
 */
export async function findContractParties(db: DbOrTx, contractId: string) {
  const [row] = await db
    .select({
      contract: contracts,
      workspaceName: clientWorkspaces.name,
      clientEmail: users.email,
      clientName: users.name,
    })
    .from(contracts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .where(eq(contracts.id, contractId));
  if (!row) throw new Error(`No contract ${contractId}`);
  let freelancer: { email: string; name: string; firstName: string; timeZone: string } | null =
    null;
  if (row.contract.freelancerId) {
    const [person] = await db
      .select({
        email: users.email,
        name: users.name,
        firstName: freelancerProfiles.firstName,
        timeZone: freelancerProfiles.timeZone,
      })
      .from(users)
      .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
      .where(eq(users.id, row.contract.freelancerId));
    freelancer = {
      email: person.email,
      name: person.name ?? '',
      firstName: person.firstName ?? person.name ?? '',
      timeZone: person.timeZone ?? 'UTC',
    };
  }
  return {
    contract: row.contract,
    client: {
      email: row.clientEmail,
      name: row.clientName ?? '',
      workspaceName: row.workspaceName,
    },
    freelancer,
  };
}

/** When the freelancer accepted the contract (the funding reminder counts from it). */
export async function findAcceptedAt(db: DbOrTx, contractId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: contractAcceptances.acceptedAt })
    .from(contractAcceptances)
    .where(eq(contractAcceptances.contractId, contractId))
    .orderBy(desc(contractAcceptances.acceptedAt));
  return row?.at ?? null;
}

/** The names a notice's sentence uses for each side (never empty). */
export function partyNames(parties: Awaited<ReturnType<typeof findContractParties>>) {
  return {
    client: parties.client.name || parties.client.workspaceName,
    freelancer: parties.freelancer?.name || 'The freelancer',
  };
}
