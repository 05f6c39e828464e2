import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import type { Tx } from '@/db/client';
import { contracts, inviteEvents, invites, milestones } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { recordAuditEntries } from '@/lib/audit/log';
import { enqueueRenderedEmails } from '@/lib/email/outbox';
import { renderEmail, type RenderedEmail } from '@/lib/email/render';
import { generateToken, hashToken } from '@/lib/security/tokens';
import InvitationEmail, { invitationSubject } from '@/emails/invitation';
import type { OfferTerms } from './offer-terms';
import { invitationProps, inviteUrl } from './emails';
import { recordFirstLinks } from './tokens';

export type NewInvite = {
  email: string;
  firstName: string;
  lastName: string;
  message: string | null;
  terms: OfferTerms;
};

/** An invite with its ids, token and rendered email, ready to be written. */
export type PreparedInvite = NewInvite & {
  inviteId: string;
  contractId: string;
  outboxId: string;
  tokenHash: string;
  expiresAt: Date;
  subject: string;
  email_: RenderedEmail;
};

// Rendering React Email is the slow part (tens of ms). Invites of one batch that share
// their offer and message are rendered once with placeholders, then filled in.
const NAME_MARK = 'WBFIRSTNAMEMARK';
const URL_MARK = 'https://wb-invite-link.invalid/WBURLMARK';

const escapeHtml = (v: string) =>
  v
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');

/** Generates ids and tokens and renders the emails: no database, so it runs before any transaction. */
export async function prepareInvites(
  inviter: Inviter,
  inputs: NewInvite[],
  expiresAt: Date,
): Promise<PreparedInvite[]> {
  const templates = new Map<string, Promise<RenderedEmail>>();
  return Promise.all(
    inputs.map(async (input) => {
      const props = invitationProps({
        inviterName: inviter.name,
        workspaceName: inviter.workspaceName,
        freelancerFirstName: NAME_MARK,
        message: input.message,
        terms: input.terms,
        url: URL_MARK,
        expiresAt,
      });
      const key = JSON.stringify([props.payLines, input.message, input.terms.title]);
      if (!templates.has(key))
        templates.set(key, renderEmail(createElement(InvitationEmail, props)));
      const template = await templates.get(key)!;
      const token = generateToken();
      const url = inviteUrl(token);
      return {
        ...input,
        inviteId: randomUUID(),
        contractId: randomUUID(),
        outboxId: randomUUID(),
        tokenHash: hashToken(token),
        expiresAt,
        subject: invitationSubject(props),
        email_: {
          html: template.html
            .replaceAll(NAME_MARK, escapeHtml(input.firstName))
            .replaceAll(URL_MARK, escapeHtml(url)),
          text: template.text.replaceAll(NAME_MARK, input.firstName).replaceAll(URL_MARK, url),
        },
      };
    }),
  );
}

const CHUNK = 500;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes prepared invites with their offers, events, audit entries and emails, a few
 * statements per batch. `ip`: the client's address, for the audit log.
 */
export async function writePreparedInvites(
  tx: Tx,
  {
    inviter,
    prepared,
    ip = null,
  }: { inviter: Inviter; prepared: PreparedInvite[]; ip?: string | null },
): Promise<void> {
  if (prepared.length === 0) return;
  await enqueueRenderedEmails(
    tx,
    prepared.map((p) => ({
      id: p.outboxId,
      to: p.email,
      subject: p.subject,
      template: 'invitation',
      html: p.email_.html,
      text: p.email_.text,
      containsSecret: true,
    })),
    'bulk',
  );
  await insertChunked(prepared, (chunk) =>
    tx.insert(invites).values(
      chunk.map((p) => ({
        id: p.inviteId,
        workspaceId: inviter.workspaceId,
        invitedById: inviter.userId,
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        message: p.message,
        expiresAt: p.expiresAt,
        lastOutboxId: p.outboxId,
      })),
    ),
  );
  await insertChunked(prepared, (chunk) =>
    recordFirstLinks(
      tx,
      chunk.map((p) => ({ tokenHash: p.tokenHash, inviteId: p.inviteId })),
    ),
  );
  await insertChunked(prepared, (chunk) =>
    tx.insert(contracts).values(
      chunk.map((p) => ({
        id: p.contractId,
        inviteId: p.inviteId,
        workspaceId: inviter.workspaceId,
        kind: p.terms.kind,
        title: p.terms.title,
        description: p.terms.description,
        startDate: p.terms.startDate,
        currency: p.terms.currency,
        hourlyRateCents: p.terms.hourlyRateCents,
        weeklyLimitHours: p.terms.weeklyLimitHours,
        allowManualTime: p.terms.allowManualTime,
        feeBps: p.terms.feeBps,
      })),
    ),
  );
  const milestoneRows = prepared.flatMap((p) =>
    p.terms.milestones.map((m, i) => ({
      contractId: p.contractId,
      position: i + 1,
      description: m.description,
      amountCents: m.amountCents,
      currency: p.terms.currency,
      dueDate: m.dueDate,
    })),
  );
  await insertChunked(milestoneRows, (chunk) => tx.insert(milestones).values(chunk));
  await insertChunked(prepared, (chunk) =>
    tx.insert(inviteEvents).values(
      chunk.map((p) => ({
        inviteId: p.inviteId,
        type: 'created' as const,
        actorId: inviter.userId,
      })),
    ),
  );
  await insertChunked(prepared, (chunk) =>
    recordAuditEntries(
      tx,
      chunk.map((p) => ({
        actorId: inviter.userId,
        action: 'invite.sent' as const,
        targetType: 'invite',
        targetId: p.inviteId,
        ip,
        detail: `to ${p.email}`,
      })),
    ),
  );
}
