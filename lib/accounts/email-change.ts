import { createElement } from 'react';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { emailChangeRequests, users } from '@/db/schema';
import ConfirmEmailChangeEmail, { confirmEmailChangeSubject } from '@/emails/confirm-email-change';
import EmailAddressInUseEmail, { emailAddressInUseSubject } from '@/emails/email-address-in-use';
import EmailChangeNoticeEmail, { emailChangeNoticeSubject } from '@/emails/email-change-notice';
import { emailSchema } from '@/lib/accounts/schemas';
import { findUserById } from '@/lib/accounts/queries';
import { recordAudit } from '@/lib/audit/log';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { invalidInput, type FieldErrors } from '@/lib/forms';
import { describeWait, hitRateLimit } from '@/lib/security/rate-limit';
import { generateToken, hashToken } from '@/lib/security/tokens';
import { isRecentSignIn, recentSignInMessage, type Actor } from './recent-sign-in';

export const EMAIL_CHANGE_TTL_MINUTES = 60;
export const EMAIL_CHANGE_LIMIT = { limit: 5, windowSeconds: 60 * 60 };

export const changeEmailSchema = z.object({ email: emailSchema });
export type ChangeEmailInput = z.output<typeof changeEmailSchema>;

/** The change that wants a recent sign-in, as its refusal names it. */
export const CHANGING_EMAIL = 'changing the account email';

export type AccountResult =
  | { ok: true; message: string }
  | { ok: false; reason: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { ok: false; reason: 'sign-in-again' | 'rate-limited' | 'link' | 'taken'; message: string };

// When the address was taken between the request and the click (see confirmEmailChange).
const UNAVAILABLE = "This address can't be used for your account. Choose another address.";

const appUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

export function emailChangeUrl(token: string): string {
  const url = new URL('/settings/account/confirm-email', getEnv().APP_URL);
  url.searchParams.set('token', token);
  return url.toString();
}

const fieldError = (message: string): AccountResult => invalidInput({ email: [message] });

async function isEmailTaken(db: DbOrTx, email: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, userId)));
  return rows.length > 0;
}

/**
 * Asks to move the account to a new address: a link goes to the new address, a notice to
 * the current one, and nothing changes until the link is used. Only the newest link works.
 *
 * The answer, the notice to the current address and the pending change on the account page
 * are the same whether or not the new address already has an account, so the form cannot be
 * used to find out who is registered. An address that has one gets no link (it could never
 * be confirmed) but a note to its owner instead.
 */
export async function requestEmailChange(
  db: Db,
  actor: Actor,
  input: ChangeEmailInput,
): Promise<AccountResult> {
  const newEmail = input.email;
  if (newEmail === actor.email) return fieldError('That is already your account email.');
  if (!isRecentSignIn(actor.signedInAt)) {
    return {
      ok: false,
      reason: 'sign-in-again',
      message: recentSignInMessage(CHANGING_EMAIL),
    };
  }
  const limit = await hitRateLimit(
    db,
    `email-change:${actor.userId}`,
    EMAIL_CHANGE_LIMIT.limit,
    EMAIL_CHANGE_LIMIT.windowSeconds,
  );
  if (!limit.allowed) {
    return {
      ok: false,
      reason: 'rate-limited',
      message: `Too many changes were asked for. Please try again in ${describeWait(limit.retryAfterSeconds)}.`,
    };
  }
  const isTaken = await isEmailTaken(db, newEmail, actor.userId);

  const token = generateToken();
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_TTL_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx
      .update(emailChangeRequests)
      .set({ expiresAt: new Date() })
      .where(
        and(
          eq(emailChangeRequests.userId, actor.userId),
          isNull(emailChangeRequests.confirmedAt),
          gt(emailChangeRequests.expiresAt, sql`now()`),
        ),
      );
    await tx
      .insert(emailChangeRequests)
      .values({ userId: actor.userId, newEmail, tokenHash: hashToken(token), expiresAt });
    await sendEmail(
      tx,
      isTaken
        ? {
            to: newEmail,
            subject: emailAddressInUseSubject,
            template: 'email-address-in-use',
            element: createElement(EmailAddressInUseEmail, {
              email: newEmail,
              signInUrl: appUrl('/sign-in'),
            }),
          }
        : {
            to: newEmail,
            subject: confirmEmailChangeSubject,
            template: 'email-change-confirm',
            containsSecret: true,
            element: createElement(ConfirmEmailChangeEmail, {
              newEmail,
              url: emailChangeUrl(token),
              expiresAt,
            }),
          },
    );
    await sendEmail(tx, {
      to: actor.email,
      subject: emailChangeNoticeSubject('requested'),
      template: 'email-change-requested',
      element: createElement(EmailChangeNoticeEmail, {
        stage: 'requested',
        newEmail,
        accountUrl: appUrl('/settings/account'),
      }),
    });
  });
  return {
    ok: true,
    message: `We sent a confirmation link to ${newEmail}. Your email changes when you open it.`,
  };
}

type Lookup =
  { ok: true; request: typeof emailChangeRequests.$inferSelect } | { ok: false; message: string };

const LINK_MESSAGES = {
  unknown:
    'This confirmation link is not valid. Open it again from your email, or ask for a new one in your account settings.',
  used: 'This address was already confirmed with this link.',
  expired:
    'This confirmation link has expired or a newer one was sent. Ask for a new one in your account settings.',
  'wrong-account': 'This link belongs to another account. Sign out, then open it again.',
} as const;

/** Reads a link without using it (the GET page). */
export async function findEmailChange(
  db: DbOrTx,
  token: string,
  signedInUserId: string | null,
): Promise<Lookup> {
  const [request] = await db
    .select()
    .from(emailChangeRequests)
    .where(eq(emailChangeRequests.tokenHash, hashToken(token)));
  if (!request) return { ok: false, message: LINK_MESSAGES.unknown };
  if (signedInUserId && signedInUserId !== request.userId)
    return { ok: false, message: LINK_MESSAGES['wrong-account'] };
  if (request.confirmedAt) return { ok: false, message: LINK_MESSAGES.used };
  if (request.expiresAt.getTime() <= Date.now())
    return { ok: false, message: LINK_MESSAGES.expired };
  return { ok: true, request };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** The button on the link's page: uses the link once and moves the account to the new address. */
export async function confirmEmailChange(
  db: Db,
  token: string,
  signedInUserId: string | null,
  ip: string | null = null,
): Promise<AccountResult> {
  try {
    return await db.transaction(async (tx): Promise<AccountResult> => {
      const found = await findEmailChange(tx, token, signedInUserId);
      if (!found.ok) return { ok: false, reason: 'link', message: found.message };
      const [used] = await tx
        .update(emailChangeRequests)
        .set({ confirmedAt: new Date() })
        .where(
          and(
            eq(emailChangeRequests.id, found.request.id),
            isNull(emailChangeRequests.confirmedAt),
            gt(emailChangeRequests.expiresAt, sql`now()`),
          ),
        )
        .returning();
      if (!used) return { ok: false, reason: 'link', message: LINK_MESSAGES.used };
      const user = await findUserById(tx, used.userId);
      if (!user) return { ok: false, reason: 'link', message: LINK_MESSAGES.unknown };
      await tx
        .update(users)
        .set({ email: used.newEmail, emailVerified: new Date() })
        .where(eq(users.id, user.id));
      await sendEmail(tx, {
        to: user.email,
        subject: emailChangeNoticeSubject('changed'),
        template: 'email-change-done',
        element: createElement(EmailChangeNoticeEmail, {
          stage: 'changed',
          newEmail: used.newEmail,
          accountUrl: appUrl('/settings/account'),
        }),
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: 'account.email_changed',
        targetType: 'user',
        targetId: user.id,
        ip,
        detail: 'Confirmed by a link sent to the new address',
      });
      return { ok: true, message: `Your account email is now ${used.newEmail}.` };
    });
  } catch (error) {
    // Someone took the address between the request and the click.
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken', message: UNAVAILABLE };
    throw error;
  }
}

/** The newest link still waiting to be used, for the account page. */
export async function findOpenEmailChange(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ newEmail: emailChangeRequests.newEmail, expiresAt: emailChangeRequests.expiresAt })
    .from(emailChangeRequests)
    .where(
      and(
        eq(emailChangeRequests.userId, userId),
        isNull(emailChangeRequests.confirmedAt),
        gt(emailChangeRequests.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(emailChangeRequests.createdAt))
    .limit(1);
  return row;
}
