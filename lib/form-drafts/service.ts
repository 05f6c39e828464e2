import { and, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { formDrafts } from '@/db/schema';
import { now } from '@/lib/clock';

/**
 * A form posted without JavaScript to a route handler (because it carries files) can only be
 * answered 303, so the page it goes back to would show the errors without what was typed.
 * The handler keeps the typed text here, keyed to the person, the form and what it was about,
 * never in the address; the page only reads it (a GET writes nothing, so a reload or a second
 * tab shows the text again). It goes when that form is sent successfully (the domain discards
 * it in the same transaction as the write) or when it expires. Files are not kept: the
 * browser cannot be handed a file back. Generic: a domain names its form and its fields.
 */

/** Long enough to correct and resend a form; never read after it, and the tick deletes it. */
export const FORM_DRAFT_TTL_MS = 10 * 60_000;

/** Field name to typed text. */
export type DraftFields = Record<string, string>;

/** The longest text kept, by field name: a field not named here is not kept. */
export type DraftLimits = Readonly<Record<string, number>>;

/**
 * The form's text fields that `limits` names, each cut to its limit, so a crafted post
 * cannot store more than the form holds; files and other names are left out. NUL characters
 * (which Postgres cannot store, and which the form refuses) are dropped.
 */
export function draftFieldsOf(form: FormData, limits: DraftLimits): DraftFields {
  const kept: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || !Object.hasOwn(limits, name)) continue;
    kept.push([name, value.replaceAll('\u0000', '').slice(0, limits[name])]);
  }
  // fromEntries, not assignment: a limit named "__proto__" would stay a plain key.
  return Object.fromEntries(kept);
}

export type DraftKey = { userId: string; form: string; subjectId: string };

/**
 * Keeps what the person typed in this form (the fields `limits` names, see draftFieldsOf),
 * replacing any earlier draft of it (one per person and form); nothing when all of it is blank.
 */
export async function keepTypedText(
  db: DbOrTx,
  key: DraftKey,
  form: FormData,
  limits: DraftLimits,
): Promise<void> {
  const fields = draftFieldsOf(form, limits);
  if (Object.values(fields).every((v) => v.trim() === '')) return;
  await keepFormDraft(db, key, fields);
}

/** Keeps the person's draft of this form, replacing any earlier one (one per person and form). */
export async function keepFormDraft(db: DbOrTx, key: DraftKey, fields: DraftFields): Promise<void> {
  const expiresAt = new Date(now().getTime() + FORM_DRAFT_TTL_MS);
  await db
    .insert(formDrafts)
    .values({ ...key, fields, expiresAt })
    .onConflictDoUpdate({
      target: [formDrafts.userId, formDrafts.form],
      set: { subjectId: key.subjectId, fields, expiresAt },
    });
}

/** The one draft a person may have of this form about this subject. */
const ofKey = (key: DraftKey) =>
  and(
    eq(formDrafts.userId, key.userId),
    eq(formDrafts.form, key.form),
    eq(formDrafts.subjectId, key.subjectId),
  );

/**
 * The person's unexpired draft of this form about this subject, left in place (a page reads
 * it as often as it is rendered); undefined when there is none or it has expired. Anyone
 * else's draft is never found: the key is the signed-in person's id.
 */
export async function readFormDraft(db: DbOrTx, key: DraftKey): Promise<DraftFields | undefined> {
  const [row] = await db
    .select({ fields: formDrafts.fields })
    .from(formDrafts)
    .where(and(ofKey(key), gt(formDrafts.expiresAt, now())));
  return row?.fields;
}

/**
 * Deletes the person's draft of this form about this subject: called inside the transaction
 * of the form's successful write, so the text is gone exactly when what it was typed for is
 * saved. A draft about another subject stays for its own page.
 */
export async function discardFormDraft(db: DbOrTx, key: DraftKey): Promise<void> {
  await db.delete(formDrafts).where(ofKey(key));
}

/** A tick step: deletes the drafts past their time. Returns how many. */
export async function deleteExpiredFormDrafts(db: DbOrTx, at: Date): Promise<number> {
  const gone = await db
    .delete(formDrafts)
    .where(lte(formDrafts.expiresAt, at))
    .returning({ userId: formDrafts.userId });
  return gone.length;
}
