import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { clientWorkspaces, contracts, invites, users } from '@/db/schema';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import HourlyReviewNoticeEmail from '@/emails/hourly-review-notice';

export type Parties = {
  title: string;
  clientEmail: string;
  clientName: string;
  freelancerEmail: string;
  freelancerFirstName: string;
};

/** The contract's two sides as emails address them: the workspace owner and the freelancer. */
export async function findParties(db: DbOrTx, contractId: string): Promise<Parties> {
  const [row] = await db
    .select({
      title: contracts.title,
      freelancerId: contracts.freelancerId,
      clientEmail: users.email,
      clientName: users.name,
      workspaceName: clientWorkspaces.name,
      firstName: invites.firstName,
    })
    .from(contracts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .innerJoin(invites, eq(invites.id, contracts.inviteId))
    .where(eq(contracts.id, contractId));
  const [freelancer] = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, row.freelancerId!));
  return {
    title: row.title,
    clientEmail: row.clientEmail,
    clientName: row.clientName || row.workspaceName,
    freelancerEmail: freelancer.email,
    freelancerFirstName: row.firstName,
  };
}

export const appLink = (path: string) => new URL(path, getEnv().APP_URL).toString();

/** One step's notice to one side, in the transaction that made the step. */
export async function sendReviewNotice(
  tx: DbOrTx,
  notice: {
    to: string;
    firstName: string;
    template: string;
    heading: string;
    paragraphs: string[];
    buttonLabel: string;
    path: string;
  },
): Promise<void> {
  const props = {
    heading: notice.heading,
    firstName: notice.firstName,
    paragraphs: notice.paragraphs,
    buttonLabel: notice.buttonLabel,
    url: appLink(notice.path),
  };
  await sendEmail(tx, {
    to: notice.to,
    subject: notice.heading,
    template: notice.template,
    element: createElement(HourlyReviewNoticeEmail, props),
  });
}

export const disputePath = (contractId: string, disputeId: string) =>
  `/contracts/${contractId}/disputes/${disputeId}`;
export const reviewPath = (contractId: string, invoiceId: string) =>
  `/contracts/${contractId}/invoices/${invoiceId}/review`;
