import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  clientWorkspaces,
  freelancerProfiles,
  invoiceLines,
  invoices,
  milestones,
  pendingReleases,
  users,
} from '@/db/schema';
import {
  findContractForViewer,
  type ContractRow,
  type ContractSide,
  type ContractViewer,
} from '@/lib/contracts/access';
import { isUuid } from '@/lib/text/uuid';
import type { InvoiceParties } from './document';
import type { InvoiceLineRow, InvoiceRow } from './issue';
import { releaseSourceOf, type ReleaseRow } from './money-state';

/** The client's workspace and its owner, the freelancer's name and country. */
export async function findContractParties(
  db: DbOrTx,
  contract: Pick<ContractRow, 'workspaceId' | 'freelancerId' | 'title'>,
): Promise<InvoiceParties> {
  const [client] = await db
    .select({ workspaceName: clientWorkspaces.name, ownerName: users.name })
    .from(clientWorkspaces)
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .where(eq(clientWorkspaces.id, contract.workspaceId));
  const [freelancer] = contract.freelancerId
    ? await db
        .select({
          name: users.name,
          email: users.email,
          firstName: freelancerProfiles.firstName,
          lastName: freelancerProfiles.lastName,
          country: freelancerProfiles.country,
        })
        .from(users)
        .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
        .where(eq(users.id, contract.freelancerId))
    : [];
  const profileName = [freelancer?.firstName, freelancer?.lastName].filter(Boolean).join(' ');
  return {
    contractTitle: contract.title,
    client: { workspaceName: client?.workspaceName ?? '', ownerName: client?.ownerName ?? null },
    freelancer: {
      name: profileName || freelancer?.name || freelancer?.email || 'Not yet joined',
      country: freelancer?.country ?? null,
    },
  };
}

export type InvoiceForViewer = {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  contract: ContractRow;
  side: ContractSide;
  parties: InvoiceParties;
  release: ReleaseRow | null;
};

/**
 * An invoice with everything its page and PDF show, if the viewer may read its contract
 * (the client, the freelancer, ops: findContractForViewer). Anyone else, and an unknown or
 * malformed id, get null: the same 404 either way.
 */
export async function findInvoiceForViewer(
  db: DbOrTx,
  invoiceId: string,
  viewer: ContractViewer,
): Promise<InvoiceForViewer | null> {
  if (!isUuid(invoiceId)) return null;
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) return null;
  const found = await findContractForViewer(db, invoice.contractId, viewer);
  if (!found) return null;
  const source = releaseSourceOf(invoice);
  const [lines, parties, releases, credited, milestone] = await Promise.all([
    db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice.id))
      .orderBy(invoiceLines.position),
    findContractParties(db, found.contract),
    source
      ? db
          .select({
            sourceType: pendingReleases.sourceType,
            sourceId: pendingReleases.sourceId,
            availableAt: pendingReleases.availableAt,
            madeAvailableAt: pendingReleases.madeAvailableAt,
          })
          .from(pendingReleases)
          .where(
            and(
              eq(pendingReleases.sourceType, source.type),
              eq(pendingReleases.sourceId, source.id),
            ),
          )
      : Promise.resolve([]),
    invoice.creditsInvoiceId
      ? db
          .select({ id: invoices.id, number: invoices.number })
          .from(invoices)
          // The credited invoice is on the same contract, or it is not shown.
          .where(
            and(
              eq(invoices.id, invoice.creditsInvoiceId),
              eq(invoices.contractId, invoice.contractId),
            ),
          )
      : Promise.resolve([]),
    invoice.milestoneId
      ? db
          .select({ position: milestones.position, description: milestones.description })
          .from(milestones)
          .where(
            and(
              eq(milestones.id, invoice.milestoneId),
              eq(milestones.contractId, invoice.contractId),
            ),
          )
      : Promise.resolve([]),
  ]);
  return {
    invoice,
    lines,
    contract: found.contract,
    side: found.side,
    parties: { ...parties, credited: credited[0] ?? null, milestone: milestone[0] ?? null },
    release: releases[0] ?? null,
  };
}

/** A contract's invoices, newest first (a contract has one a week at most: a year is 52). */
export async function listContractInvoices(
  db: DbOrTx,
  contractId: string,
  limit = 60,
): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(eq(invoices.contractId, contractId))
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(limit);
}

/** Every amount released on a contract, with when it becomes (or became) available. */
export async function listContractReleases(db: DbOrTx, contractId: string): Promise<ReleaseRow[]> {
  return db
    .select({
      sourceType: pendingReleases.sourceType,
      sourceId: pendingReleases.sourceId,
      availableAt: pendingReleases.availableAt,
      madeAvailableAt: pendingReleases.madeAvailableAt,
    })
    .from(pendingReleases)
    .where(eq(pendingReleases.contractId, contractId));
}
