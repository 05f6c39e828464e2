import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inviteEvents } from '@/db/schema';
import type { Invite } from './queries';
import { findInviteByToken, findLinkFacts } from './tokens';

/** What an invite link leads to; never says whether an email has an account. */
export type LinkState =
  | { kind: 'unknown' }
  | { kind: 'superseded' }
  | { kind: 'used'; invite: Invite }
  | { kind: 'revoked'; invite: Invite; workspaceName: string; inviterName: string }
  | { kind: 'declined'; invite: Invite }
  | { kind: 'expired'; invite: Invite; workspaceName: string; inviterName: string }
  | {
      kind: 'open';
      invite: Invite;
      workspaceName: string;
      inviterName: string;
      workspaceType: 'individual' | 'company' | 'enterprise';
      /** Already recorded as opened: the page then writes nothing at all. */
      opened: boolean;
    };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What a link's kind depends on: its invite's status and expiry, and whether a newer link replaced it. */
type LinkFacts = Pick<Invite, 'status' | 'expiresAt'> & { supersededAt: Date | null };

function classifyLink(facts: LinkFacts, now: Date): Exclude<LinkState['kind'], 'unknown'> {
  if (facts.status === 'joined') return 'used';
  if (facts.status === 'declined') return 'declined';
  if (facts.status === 'revoked') return 'revoked';
  if (facts.supersededAt) return 'superseded';
  if (facts.status === 'expired' || facts.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** Reads the state of a link. Changes nothing. */
export async function resolveInviteLink(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<LinkState> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' };
  const row = await findInviteByToken(db, token);
  if (!row) return { kind: 'unknown' };
  const { invite } = row;
  const names = { workspaceName: row.workspaceName, inviterName: row.inviterName ?? '' };
  const kind = classifyLink({ ...invite, supersededAt: row.supersededAt }, now);
  if (kind === 'used' || kind === 'declined') return { kind, invite };
  if (kind === 'superseded') return { kind };
  if (kind === 'revoked' || kind === 'expired') return { kind, invite, ...names };
  return {
    kind,
    invite,
    ...names,
    workspaceType: row.workspaceType,
    opened: Boolean(row.opened),
  };
}

/**
 * Only the kind of a link, for proxy.ts, which answers dead links 410 before the page reads
 * the link in full: three columns by the token's unique index, without the invite, its
 * workspace and inviter, and whether it was opened.
 */
export async function screenInviteLink(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<LinkState['kind']> {
  if (!TOKEN_SHAPE.test(token)) return 'unknown';
  const facts = await findLinkFacts(db, token);
  return facts ? classifyLink(facts, now) : 'unknown';
}

/** The one write a landing page makes: an "opened" event, once per invite. */
export async function recordInviteOpened(db: DbOrTx, inviteId: string): Promise<void> {
  await db
    .insert(inviteEvents)
    .values({ inviteId, type: 'opened' })
    .onConflictDoNothing({
      target: inviteEvents.inviteId,
      where: sql`${inviteEvents.type} = 'opened'`,
    });
}
