import { createElement } from 'react';
import type { DbOrTx } from '@/db/client';
import { getEnv } from '@/lib/env';
import { sendEmail } from '@/lib/email/outbox';
import InvitationEmail, { invitationSubject } from '@/emails/invitation';
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
