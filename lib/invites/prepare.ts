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
import { fillInvitation, NAME_MARK, URL_MARK } from './invitation-template';
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

/** The invite with new ids for the rows it will write. */
function withIds(
  input: NewInvite,
  ready: Pick<PreparedInvite, 'tokenHash' | 'expiresAt' | 'subject' | 'email_'>,
): PreparedInvite {
  return {
    ...input,
    inviteId: randomUUID(),
    contractId: randomUUID(),
    outboxId: randomUUID(),
    ...ready,
  };
}

function emailProps(inviter: Inviter, input: NewInvite, expiresAt: Date) {
  return {
    inviterName: inviter.name,
    workspaceName: inviter.workspaceName,
    message: input.message,
    terms: input.terms,
    expiresAt,
  };
}

/** One invite with its email rendered by React Email: no database, so it runs before any transaction. */
export async function prepareInvite(
  inviter: Inviter,
  input: NewInvite,
  expiresAt: Date,
): Promise<PreparedInvite> {
  const token = generateToken();
  const props = invitationProps({
    ...emailProps(inviter, input, expiresAt),
    freelancerFirstName: input.firstName,
    url: inviteUrl(token),
  });
  return withIds(input, {
    tokenHash: hashToken(token),
    expiresAt,
    subject: invitationSubject(props),
    email_: await renderEmail(createElement(InvitationEmail, props)),
  });
}

/**
 * A batch of invites (the bulk path), their emails rendered once per distinct offer and
 * message and then filled in with each name and link (see fillInvitation): React Email
 * takes tens of milliseconds per render, seconds for a list of 500 rendered one by one.
 */
export async function prepareInvites(
  inviter: Inviter,
  inputs: NewInvite[],
  expiresAt: Date,
): Promise<PreparedInvite[]> {
  const templates = new Map<string, Promise<RenderedEmail>>();
  return Promise.all(
    inputs.map(async (input) => {
      const props = invitationProps({
        ...emailProps(inviter, input, expiresAt),
        freelancerFirstName: NAME_MARK,
        url: URL_MARK,
      });
      const key = JSON.stringify([props.payLines, input.message, input.terms.title]);
      if (!templates.has(key))
        templates.set(key, renderEmail(createElement(InvitationEmail, props)));
      const token = generateToken();
      return withIds(input, {
        tokenHash: hashToken(token),
        expiresAt,
        subject: invitationSubject(props),
        email_: fillInvitation(await templates.get(key)!, {
          firstName: input.firstName,
          url: inviteUrl(token),
        }),
      });
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
