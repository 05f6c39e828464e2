import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import { clientWorkspaces, inviteEvents, inviteTokens, invites, users } from '@/db/schema';
import { generateToken, hashToken } from '@/lib/security/tokens';

/*
 * invite_token is the only store of invite link hashes, and this file its only reader and
 * writer: a link is current while it is not superseded (at most one per invite, by a unique
 * partial index), and a superseded link still finds its invite, so its page can say so.
 */

/** The invite a link belongs to, with what its landing page shows; undefined for a token never issued. */
export async function findInviteByToken(db: DbOrTx, token: string) {
  const query = preparedQuery(db, 'findInviteByToken', (db) =>
    db
      .select({
        invite: invites,
        supersededAt: inviteTokens.supersededAt,
        workspaceName: clientWorkspaces.name,
        workspaceType: clientWorkspaces.type,
        inviterName: users.name,
        opened: sql<boolean>`exists (select 1 from invite_event e where e.invite_id = ${invites.id} and e.type = 'opened')`,
      })
      .from(inviteTokens)
      .innerJoin(invites, eq(invites.id, inviteTokens.inviteId))
      .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, invites.workspaceId))
      .innerJoin(users, eq(users.id, invites.invitedById))
      .where(eq(inviteTokens.tokenHash, param('tokenHash'))),
  );
  const [row] = await query.execute({ tokenHash: hashToken(token) });
  return row;
}

/**
 * Where the link that replaced this one went, for the page after "Email me a fresh link":
 * the invite's address while it is the one this link was sent to (no change of address
 * since), so the page never shows an address the holder of the old link did not have.
 * Null when the link is current or unknown, the invite is no longer pending, or the address
 * changed. Two writes of one transaction share a timestamp, so `>` leaves out the change
 * that issued this very link.
 */
export async function findReplacementAddress(db: DbOrTx, token: string): Promise<string | null> {
  const [row] = await db
    .select({ email: invites.email })
    .from(inviteTokens)
    .innerJoin(invites, eq(invites.id, inviteTokens.inviteId))
    .where(
      and(
        eq(inviteTokens.tokenHash, hashToken(token)),
        sql`${inviteTokens.supersededAt} is not null`,
        eq(invites.status, 'pending'),
        sql`not exists (select 1 from ${inviteEvents} where ${inviteEvents.inviteId} = ${invites.id} and ${inviteEvents.type} = 'email_changed' and ${inviteEvents.createdAt} > ${inviteTokens.createdAt})`,
      ),
    );
  return row?.email ?? null;
}

/** What decides a link's kind (see landing.ts); undefined for a token never issued. */
export async function findLinkFacts(db: DbOrTx, token: string) {
  const query = preparedQuery(db, 'findLinkFacts', (db) =>
    db
      .select({
        status: invites.status,
        expiresAt: invites.expiresAt,
        supersededAt: inviteTokens.supersededAt,
      })
      .from(inviteTokens)
      .innerJoin(invites, eq(invites.id, inviteTokens.inviteId))
      .where(eq(inviteTokens.tokenHash, param('tokenHash'))),
  );
  const [row] = await query.execute({ tokenHash: hashToken(token) });
  return row;
}

/** A condition on `invite`: this token is the invite's current link (for guarded updates). */
export function isCurrentLinkOf(token: string) {
  return sql`exists (select 1 from ${inviteTokens} where ${inviteTokens.inviteId} = ${invites.id} and ${inviteTokens.tokenHash} = ${hashToken(token)} and ${inviteTokens.supersededAt} is null)`;
}

/** Stores the first link of new invites (their tokens were generated before the transaction). */
export async function recordFirstLinks(
  tx: Tx,
  links: { inviteId: string; tokenHash: string }[],
): Promise<void> {
  if (links.length > 0) await tx.insert(inviteTokens).values(links);
}

/** Supersedes the invite's current link and stores a new one; returns the new token (only the email carries it). */
export async function issueNewLink(tx: Tx, inviteId: string, now = new Date()): Promise<string> {
  const token = generateToken();
  await tx
    .update(inviteTokens)
    .set({ supersededAt: now })
    .where(and(eq(inviteTokens.inviteId, inviteId), sql`${inviteTokens.supersededAt} is null`));
  await tx.insert(inviteTokens).values({ tokenHash: hashToken(token), inviteId });
  return token;
}
