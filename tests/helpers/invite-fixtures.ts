import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { clientWorkspaces, emailOutbox, inviteTokens, invites, users } from '@/db/schema';
import {
  inviteSchema,
  offerSchema,
  type InviteData,
  type InviteInput,
  type OfferData,
} from '@/lib/invites/schemas';
import type { Inviter } from '@/lib/accounts/inviter';
import type { OfferTerms } from '@/lib/invites/offer-terms';

/** A signed-up client: a user with a name and their workspace, as the service sees them. */
export async function createClient(
  db: Db,
  options: { name?: string; workspaceName?: string } = {},
): Promise<Inviter> {
  const name = options.name ?? 'Dana Lee';
  const workspaceName = options.workspaceName ?? 'Acme Studio';
  const [user] = await db
    .insert(users)
    .values({ email: `client-${randomUUID()}@example.com`, name, activeSide: 'client' })
    .returning({ id: users.id });
  const [workspace] = await db
    .insert(clientWorkspaces)
    .values({ ownerId: user.id, name: workspaceName, type: 'company' })
    .returning({ id: clientWorkspaces.id });
  return { userId: user.id, name, workspaceId: workspace.id, workspaceName };
}

/** A calendar date (UTC) some days from today, as the form sends it. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function hourlyOfferInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'hourly' as const,
    title: 'Website redesign',
    description: 'Rebuild the marketing site.',
    startDate: daysFromToday(7),
    hourlyRateDollars: '50',
    weeklyLimit: '40',
    allowManualTime: 'on',
    ...overrides,
  };
}

export function fixedOfferInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'fixed' as const,
    title: 'Logo design',
    description: '',
    startDate: daysFromToday(7),
    milestones: [
      { description: 'Sketches', amountDollars: '500', dueDate: daysFromToday(14) },
      { description: 'Final files', amountDollars: '1,250.00', dueDate: daysFromToday(28) },
    ],
    ...overrides,
  };
}

/** Parses like the server action does; throws with every issue when the input is invalid. */
export function parseInvite(input: InviteInput): InviteData {
  const result = inviteSchema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

export function parseOffer(input: unknown): OfferData {
  const result = offerSchema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

/** A valid invite to `email`, hourly at $50 with a 40-hour weekly limit unless overridden. */
export function inviteData(email: string, overrides: Partial<InviteInput> = {}): InviteData {
  return parseInvite({
    email,
    firstName: 'Alex',
    lastName: 'Rivera',
    message: 'Looking forward to it!',
    offer: hourlyOfferInput(),
    ...overrides,
  } as InviteInput);
}

/** The invite row, with the hash of its current link (invite_token is the only place it is stored). */
export async function findInvite(db: Db, inviteId: string) {
  const [row] = await db
    .select({ invite: invites, tokenHash: inviteTokens.tokenHash })
    .from(invites)
    .leftJoin(
      inviteTokens,
      and(eq(inviteTokens.inviteId, invites.id), isNull(inviteTokens.supersededAt)),
    )
    .where(eq(invites.id, inviteId));
  return row && { ...row.invite, tokenHash: row.tokenHash };
}

export async function findOutbox(db: Db, outboxId: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
  return row;
}

/** The raw token in an invitation email still in the outbox (bodies are wiped once delivered). */
export async function tokenFromOutbox(db: Db, outboxId: string): Promise<string> {
  const row = await findOutbox(db, outboxId);
  const match = row?.html?.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invite link in outbox message ${outboxId}`);
  return match[1];
}

/** An hourly offer's terms as the pages and emails read them: $45.00 an hour, 40 hours, 5% fee. */
export const HOURLY_TERMS: OfferTerms = {
  kind: 'hourly',
  title: 'Design sprint',
  description: '',
  startDate: '2026-12-01',
  currency: 'USD',
  hourlyRateCents: 4500,
  weeklyLimitHours: 40,
  allowManualTime: false,
  feeBps: 500,
  milestones: [],
};
