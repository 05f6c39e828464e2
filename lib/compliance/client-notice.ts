import { createElement } from 'react';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { clientWorkspaces, contracts, invites, users } from '@/db/schema';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import ComplianceClientNoticeEmail, {
  complianceClientNoticeSubject,
} from '@/emails/compliance-client-notice';

/** Each contract's client (the workspace owner) and the freelancer's name as they invited them. */
async function listContractClients(tx: DbOrTx, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  return tx
    .select({
      title: contracts.title,
      inviteId: contracts.inviteId,
      clientEmail: users.email,
      firstName: invites.firstName,
      lastName: invites.lastName,
    })
    .from(contracts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .innerJoin(invites, eq(invites.id, contracts.inviteId))
    .where(inArray(contracts.id, contractIds));
}

/**
 * Tells the client of each contract that waited for the check what was decided: the status
 * only (the answers, documents and reviewer's reason are the freelancer's). One email per
 * contract, each linking to its invite; written in the decision's transaction.
 */
export async function emailClientsOfDecision(
  tx: DbOrTx,
  input: { decision: 'approved' | 'rejected'; contractIds: string[] },
): Promise<void> {
  for (const row of await listContractClients(tx, input.contractIds)) {
    const props = {
      freelancerName: `${row.firstName} ${row.lastName}`,
      offerTitle: row.title,
      decision: input.decision,
      url: new URL(`/client/invites/${row.inviteId}`, getEnv().APP_URL).toString(),
    };
    await sendEmail(tx, {
      to: row.clientEmail,
      template: `compliance-client-${input.decision}`,
      subject: complianceClientNoticeSubject(props),
      element: createElement(ComplianceClientNoticeEmail, props),
    });
  }
}
