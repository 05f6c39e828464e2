import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { freelancerProfiles, jobPosts, proposals, users } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { prepareInvite, writePreparedInvites } from '@/lib/invites/prepare';
import type { OfferData } from '@/lib/invites/schemas';
import {
  checkWorkspaceSends,
  lockWorkspaceForInvites,
  workspaceLimitMessage,
} from '@/lib/invites/send-limits';
import {
  expireStale,
  findPendingInvite,
  inviteExpiry,
  isUniqueViolation,
  termsFromOffer,
} from '@/lib/invites/service';
import { centsToDollarString } from './format';
import { findWorkspaceProposal } from './client';

export type OfferFromProposalResult =
  { ok: true; inviteId: string } | { ok: false; message: string };

const NOT_FOUND = { ok: false as const, message: 'We could not find that proposal.' };

/** Why no offer can go out from a proposal in this status (null: it can). */
export function offerRefusalFor(status: string): string | null {
  if (status === 'withdrawn') return 'The freelancer withdrew this proposal.';
  if (status === 'declined') return 'You declined this proposal.';
  if (status === 'offered') return 'You already sent an offer from this proposal.';
  return null;
}

/** The offer form's initial values (dotted names) from a proposal and its job. */
export function offerPrefill(
  proposal: typeof proposals.$inferSelect,
  job: typeof jobPosts.$inferSelect,
): Record<string, string> {
  const base = { 'offer.title': job.title, 'offer.description': job.description.slice(0, 5000) };
  if (proposal.bidShape === 'hourly')
    return {
      ...base,
      'offer.kind': 'hourly',
      'offer.hourlyRateDollars': centsToDollarString(proposal.hourlyRateCents ?? 0),
    };
  const rows =
    proposal.bidShape === 'milestones'
      ? proposal.milestones
      : [{ description: job.title, amountCents: proposal.bidCents ?? 0 }];
  const out: Record<string, string> = { ...base, 'offer.kind': 'fixed' };
  rows.forEach((m, i) => {
    out[`offer.milestones.${i}.description`] = m.description;
    out[`offer.milestones.${i}.amountDollars`] = centsToDollarString(m.amountCents);
  });
  return out;
}

/**
 * Sends an offer from a proposal: an invite to the freelancer's account email, reviewed and
 * accepted like any other, and the proposal marked `offered` with that invite, in one
 * transaction. The proposal's status is re-read under a row lock there, so a withdrawal
 * that lands between the page and the click wins and no invite is written.
 */
export async function sendOfferFromProposal(
  db: Db,
  {
    inviter,
    proposalId,
    offer,
    message = null,
    ip = null,
  }: {
    inviter: Inviter;
    proposalId: string;
    offer: OfferData;
    message?: string | null;
    ip?: string | null;
  },
): Promise<OfferFromProposalResult> {
  const found = await findWorkspaceProposal(db, inviter.workspaceId, proposalId);
  if (!found) return NOT_FOUND;
  const early = offerRefusalFor(found.proposal.status);
  if (early) return { ok: false, message: early };
  const [person] = await db
    .select({
      email: users.email,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
      name: users.name,
    })
    .from(users)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, found.proposal.freelancerId));
  if (!person) return NOT_FOUND;
  const [first, ...rest] = (person.name ?? '').split(' ');
  const prepared = await prepareInvite(
    inviter,
    {
      email: person.email.toLowerCase(),
      firstName: person.firstName ?? (first || 'there'),
      lastName: person.lastName ?? rest.join(' '),
      message,
      terms: termsFromOffer(offer, getEnv().SERVICE_FEE_BPS, found.proposal.currency),
    },
    inviteExpiry(),
  );
  try {
    return await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: proposals.status })
        .from(proposals)
        .where(eq(proposals.id, proposalId))
        .for('update');
      const refusal = locked ? offerRefusalFor(locked.status) : NOT_FOUND.message;
      if (refusal) return { ok: false as const, message: refusal };
      await lockWorkspaceForInvites(tx, inviter.workspaceId);
      const limit = await checkWorkspaceSends(tx, inviter.workspaceId, 1);
      if (!limit.allowed)
        return { ok: false as const, message: workspaceLimitMessage(limit.retryAt) };
      await expireStale(tx, inviter.workspaceId, prepared.email);
      if (await findPendingInvite(tx, inviter.workspaceId, prepared.email))
        return {
          ok: false as const,
          message: 'You already have a pending invite to this freelancer: revoke it first.',
        };
      await writePreparedInvites(tx, { inviter, prepared: [prepared], ip });
      const at = now();
      await tx
        .update(proposals)
        .set({ status: 'offered', inviteId: prepared.inviteId, updatedAt: at })
        .where(and(eq(proposals.id, proposalId), sql`${proposals.status} <> 'offered'`));
      return { ok: true as const, inviteId: prepared.inviteId };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, message: 'You already have a pending invite to this freelancer.' };
    throw error;
  }
}
