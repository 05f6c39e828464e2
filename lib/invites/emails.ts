import { createElement } from 'react';
import type { DbOrTx } from '@/db/client';
import { getEnv } from '@/lib/env';
import { sendEmail } from '@/lib/email/outbox';
import InvitationEmail, { invitationSubject } from '@/emails/invitation';
import OfferChangedEmail, { offerChangedSubject } from '@/emails/offer-changed';
import { describeNetPay, type OfferTerms } from './offer-terms';

/** The landing page of an invite link, always on APP_URL. */
export function inviteUrl(token: string): string {
  return new URL(`/invite/${token}`, getEnv().APP_URL).toString();
}

export type InvitationContext = {
  to: string;
  token: string;
  inviterName: string;
  workspaceName: string;
  freelancerFirstName: string;
  message: string | null;
  terms: OfferTerms;
  expiresAt: Date;
  reminder?: boolean;
};

/** The template's props for one invitation; `url` is the link (or a placeholder to fill in). */
export function invitationProps(c: Omit<InvitationContext, 'to' | 'token'> & { url: string }) {
  return {
    inviterName: c.inviterName,
    workspaceName: c.workspaceName,
    freelancerFirstName: c.freelancerFirstName,
    message: c.message,
    offerTitle: c.terms.title,
    payLines: describeNetPay(c.terms, 'freelancer'),
    url: c.url,
    expiresAt: c.expiresAt,
    reminder: c.reminder ?? false,
  };
}

export async function enqueueInvitationEmail(tx: DbOrTx, c: InvitationContext): Promise<string> {
  const props = invitationProps({ ...c, url: inviteUrl(c.token) });
  return sendEmail(tx, {
    to: c.to,
    subject: invitationSubject(props),
    template: c.reminder ? 'invite-reminder' : 'invitation',
    containsSecret: true,
    // A reminder is one of a sweep's many; a fresh link is one someone is waiting for.
    lane: c.reminder ? 'bulk' : 'transactional',
    element: createElement(InvitationEmail, props),
  });
}

/**
 * Tells a freelancer who joined that the client changed the offer they have not decided on,
 * inside the transaction that changed it. The link is their contract review page (they sign
 * in to reach it), so it carries no secret.
 */
export async function enqueueOfferChangedEmail(
  tx: DbOrTx,
  c: {
    to: string;
    contractId: string;
    freelancerFirstName: string;
    inviterName: string;
    workspaceName: string;
    offerTitle: string;
  },
): Promise<string> {
  const props = {
    freelancerFirstName: c.freelancerFirstName,
    inviterName: c.inviterName,
    workspaceName: c.workspaceName,
    offerTitle: c.offerTitle,
    url: new URL(`/onboarding/contract/${c.contractId}`, getEnv().APP_URL).toString(),
  };
  return sendEmail(tx, {
    to: c.to,
    template: 'offer-changed',
    subject: offerChangedSubject(props),
    element: createElement(OfferChangedEmail, props),
  });
}
