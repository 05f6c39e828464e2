import type { Inviter } from '@/lib/accounts/inviter';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  auditLog,
  clientWorkspaces,
  complianceChecks,
  contracts,
  emailOutbox,
  users,
} from '@/db/schema';
import { joinFromInvite } from '@/lib/invites/accept';
import { acceptContract, hashTerms } from '@/lib/contracts/service';
import type { InviteInput } from '@/lib/invites/schemas';
import { createInvite, loadTerms } from '@/lib/invites/service';
import { COMPLIANCE_QUESTIONS, type QuestionnaireAnswers } from '@/lib/compliance/questions';
import type { ClientType } from '@/lib/compliance/rule';
import {
  findInvite,
  fixedOfferInput,
  hourlyOfferInput,
  inviteData,
  tokenFromOutbox,
} from './invite-fixtures';

export const TEST_IP = '203.0.113.7';

export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID()}@example.com`;

/** A signed-up client of the given type (enterprise clients need documents). */
export async function createWorkspace(
  db: Db,
  type: ClientType,
  name = `${type} client`,
): Promise<Inviter> {
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail('client'), name: 'Dana Lee', activeSide: 'client' })
    .returning({ id: users.id });
  const [workspace] = await db
    .insert(clientWorkspaces)
    .values({ ownerId: user.id, name, type })
    .returning({ id: clientWorkspaces.id });
  return { userId: user.id, name: 'Dana Lee', workspaceId: workspace.id, workspaceName: name };
}

export async function createAdmin(db: Db) {
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail('ops') })
    .returning({ id: users.id });
  return { id: user.id, isAdmin: true };
}

export type OfferShape = { kind: 'hourly'; weeklyLimit: string } | { kind: 'fixed' };

/**
 * An invite from `client` to `email`, activated by its link and accepted exactly as a
 * freelancer does it; the contract ends up active or awaiting compliance by the real rule.
 */
export async function acceptedContract(
  db: Db,
  client: Inviter,
  email: string,
  offer: OfferShape = { kind: 'hourly', weeklyLimit: '40' },
  title = `Contract ${randomUUID().slice(0, 8)}`,
) {
  const created = await createInvite(db, {
    inviter: client,
    input: inviteData(email, {
      offer:
        offer.kind === 'fixed'
          ? fixedOfferInput({ title })
          : hourlyOfferInput({ title, weeklyLimit: offer.weeklyLimit }),
    } as Partial<InviteInput>),
  });
  if (!created.ok) throw new Error(created.message);
  const invite = await findInvite(db, created.inviteId);
  const activated = await joinFromInvite(db, await tokenFromOutbox(db, invite.lastOutboxId!));
  if (!activated.ok) throw new Error(activated.reason);
  const [contract] = await db.select().from(contracts).where(eq(contracts.inviteId, invite.id));
  const terms = await loadTerms(db, invite.id);
  const accepted = await acceptContract(db, {
    contractId: contract.id,
    freelancerId: activated.user.id,
    shownHash: hashTerms(terms!),
  });
  if (!accepted.ok) throw new Error(accepted.message);
  return {
    contractId: contract.id,
    inviteId: invite.id,
    freelancerId: activated.user.id,
    status: accepted.status,
  };
}

export async function contractStatus(db: Db, contractId: string) {
  const [row] = await db
    .select({ status: contracts.status })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  return row?.status;
}

/** The first listed answer to every question. */
export function sampleAnswers(): QuestionnaireAnswers {
  return Object.fromEntries(
    COMPLIANCE_QUESTIONS.map((q) => [q.id, q.options[0].value]),
  ) as QuestionnaireAnswers;
}

/** A small but well-formed PDF, optionally padded (inside a comment) to `size` bytes. */
export function pdfBytes(size = 0): Uint8Array {
  const body =
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n';
  const end = '%%EOF\n';
  const padding = Math.max(0, size - body.length - end.length - 2);
  return new Uint8Array(Buffer.from(`${body}%${' '.repeat(padding)}\n${end}`));
}

export function pngBytes(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
}

/** The start of a Windows executable ("MZ"). */
export function exeBytes(): Uint8Array {
  return new Uint8Array([
    0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff,
  ]);
}

export async function decisionEmails(db: Db, to: string) {
  return db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'compliance-decision')));
}

export async function auditRows(db: Db, action: string) {
  return db.select().from(auditLog).where(eq(auditLog.action, action));
}

export async function checksOf(db: Db, userId: string) {
  return db.select().from(complianceChecks).where(eq(complianceChecks.userId, userId));
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
