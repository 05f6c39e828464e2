import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getDatabase } from '@/db';
import type { Db } from '@/db/client';
import { isRecentSignIn, recentSignInMessage } from '@/lib/accounts/recent-sign-in';
import { formDataToObject } from '@/lib/forms-data';
import {
  NOT_A_FORM,
  collectFieldErrors,
  formValues,
  isForm,
  refuseNulCharacters,
  type ActionResult,
  type FieldErrors,
  type FormState,
} from '@/lib/forms';
import { loadActorOf, SIGNED_OUT, type ActorFor, type ActorKind } from './actor';
import { isSameOriginAction } from './origin';
import { registerDeclaration, type ActionDeclaration } from './registry';

/** A service's refusal as an action hands it back; the wrapper fills in what is missing. */
export type Refusal = {
  ok: false;
  message: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  link?: { href: string; label: string };
};

export type HandlerResult<T extends object> = ({ ok: true; message?: string } & T) | Refusal;

/**
 * A refusal that is a finished form state: the values to redisplay and data of its own for
 * the form (the bulk invite report), handed back to the browser whole.
 */
export type Report<R extends object> = Refusal & { values: Record<string, string> } & R;

type Refused = Extract<ActionResult<never>, { ok: false }>;

/**
 * What an action answers its form: FormState<T>, whose refusals may carry the data of a
 * Report (only some do: a form that does not parse comes back without it).
 */
export type ActionState<T extends object = object, R extends object = object> =
  ({ ok: true; message?: string } & T) | (Refused & Partial<R>) | null;

export type ActionContext<K extends ActorKind> = {
  actor: ActorFor<K>;
  db: Db;
  ip: string;
  /** The form itself, for what a schema cannot hold: uploaded files. */
  formData: FormData;
};

type Common<K extends ActorKind, S extends z.ZodType> = {
  actor: K;
  schema: S;
  /** FormData to the schema's input; nested names ("offer.title") by default. */
  read?: (formData: FormData) => Record<string, unknown>;
  /** Fields read outside the schema (intent buttons, files), for the tests that fuzz them. */
  extraFields?: readonly string[];
  files?: readonly string[];
};

export type ActionOptions<
  K extends ActorKind,
  S extends z.ZodType,
  T extends object,
  R extends object = object,
> = Common<K, S> & {
  /** Never echoed back to the browser, even to redisplay a form with errors. */
  secretFields?: readonly string[];
  /**
   * The secret fields are typed by the person (an account number, a tax id), not written
   * by the page (a token): a refusal tells them each one they filled in was emptied.
   */
  retypeSecrets?: boolean;
  /** The values echoed into the form; the submitted text (minus secrets) by default. */
  values?: (read: Record<string, unknown>) => Record<string, string>;
  /** Set for changes that want a sign-in from the last 30 minutes: what the change is. */
  recentSignIn?: string;
  /** An answer before parsing, e.g. the no-JavaScript "add a row" button. */
  answerEarly?: (formData: FormData) => FormState<T>;
  /** A refusal of its own when the schema refuses; null keeps the usual one. */
  onInvalid?: (
    fieldErrors: FieldErrors,
    ctx: ActionContext<K>,
  ) => Refusal | null | Promise<Refusal | null>;
  /** R is named by the action, never inferred: inferred, it would take in every answer. */
  handler: (
    input: z.output<S>,
    ctx: ActionContext<K>,
  ) => Promise<HandlerResult<T> | Report<NoInfer<R>>>;
};

/** Beside a typed secret the wrapper emptied, so its missing text is no surprise. */
export const RETYPE_SECRET =
  "For your security we don't keep this after an error: please enter it again.";

/** The refusal's field errors, plus RETYPE_SECRET on each filled-in secret it empties. */
function withRetypeNotes(
  fieldErrors: FieldErrors,
  formData: FormData,
  secrets: readonly string[],
): FieldErrors {
  const notes = secrets.filter((name) => {
    const value = formData.get(name);
    return typeof value === 'string' && value.trim() !== '';
  });
  if (notes.length === 0) return fieldErrors;
  const errors = { ...fieldErrors };
  for (const name of notes) errors[name] = [...(errors[name] ?? []), RETYPE_SECRET];
  return errors;
}

/**
 * Runs a handler and, once it has changed something (it returned ok, or redirected, which
 * Next.js throws), has the browser's router render every segment again. Without it a
 * redirect after an action re-renders only the segments below the layouts the two pages
 * share, so a layout that reads the changed data (the header: who is signed in, which side)
 * kept showing the state from before the action until a reload.
 */
async function refreshingAfter<R extends { ok: boolean } | void>(
  run: () => Promise<R>,
): Promise<R> {
  let result: R;
  try {
    result = await run();
  } catch (thrown) {
    // A redirect, a notFound(), or a failure: a fresh render is right for each.
    refresh();
    throw thrown;
  }
  if (!result || result.ok) refresh();
  return result;
}

const CROSS_SITE: ActionResult<never> = {
  ok: false,
  message: 'This request did not come from one of our pages. Please use the form on the page.',
  fieldErrors: {},
};

function describe(
  options: Common<ActorKind, z.ZodType> & { secretFields?: readonly string[] },
  form: ActionDeclaration['form'],
  recentSignIn: boolean,
): ActionDeclaration {
  return {
    actor: options.actor,
    schema: options.schema,
    secretFields: options.secretFields ?? [],
    extraFields: options.extraFields ?? [],
    files: options.files ?? [],
    recentSignIn,
    form,
  };
}

type Admitted<K extends ActorKind> =
  | { refused: ActionResult<never>; signedOut?: true }
  | { ctx: ActionContext<K>; unstorable: ActionResult<never> | null };

/**
 * Shared start of both kinds of action: the form, the origin, the caller, then the NUL
 * guard (its refusal is handed back with the caller: a plain form answers it by redirect).
 */
async function admit<K extends ActorKind>(kind: K, formData: unknown): Promise<Admitted<K>> {
  if (!isForm(formData)) return { refused: NOT_A_FORM };
  if (!(await isSameOriginAction())) return { refused: CROSS_SITE };
  const actor = await loadActorOf(kind);
  if (!actor) {
    const signedOut: ActionResult<never> = {
      ok: false,
      message: SIGNED_OUT[kind],
      fieldErrors: {},
    };
    return { refused: signedOut, signedOut: true };
  }
  const { db } = await getDatabase();
  const ctx: ActionContext<K> = { actor, db, ip: actor.ip, formData };
  return { ctx, unstorable: refuseNulCharacters(formData) };
}

/**
 * The one way to write a server action bound with useActionState (it works without
 * JavaScript: a refusal comes back as the form's state, with every field error and the
 * typed values). Success usually redirects; a handler may also return `{ ok: true }`.
 */
export function defineAction<
  K extends ActorKind,
  S extends z.ZodType,
  T extends object = object,
  R extends object = object,
>(
  options: ActionOptions<K, S, T, R>,
): (previous: FormState, formData: FormData) => Promise<ActionState<T, R>> {
  const secrets = [...(options.secretFields ?? [])];
  const read = options.read ?? formDataToObject;

  async function action(_previous: FormState, formData: FormData): Promise<ActionState<T, R>> {
    const admitted = await admit(options.actor, formData);
    if ('refused' in admitted) return admitted.refused;
    const { ctx, unstorable } = admitted;
    if (unstorable) return unstorable;
    const early = options.answerEarly?.(formData);
    if (early) return early;
    const raw = read(formData);
    const echo = () => options.values?.(raw) ?? formValues(formData, secrets);
    // A refusal with values of its own is a finished form state (the bulk invite report):
    // it is returned whole. Any other is a service's answer: only the form's fields are kept.
    const settle = (refusal: Refusal | Report<R>): ActionState<T, R> =>
      refusal.values
        ? { ...refusal, fieldErrors: refusal.fieldErrors ?? {}, values: refusal.values }
        : {
            ok: false,
            message: refusal.message,
            fieldErrors: options.retypeSecrets
              ? withRetypeNotes(refusal.fieldErrors ?? {}, formData, secrets)
              : (refusal.fieldErrors ?? {}),
            values: echo(),
            ...(refusal.link ? { link: refusal.link } : {}),
          };
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = collectFieldErrors(parsed.error);
      const own = await options.onInvalid?.(fieldErrors, ctx);
      return settle(
        own ?? { ok: false, message: 'Please correct the highlighted fields.', fieldErrors },
      );
    }
    if (options.recentSignIn && !isRecentSign(ctx.actor)) {
      return settle({
        ok: false,
        message: recentSignInMessage(options.recentSignIn),
        link: { href: '/sign-in', label: 'Sign in again' },
      });
    }
    const result = await refreshingAfter(() => options.handler(parsed.data, ctx));
    return result.ok ? result : settle(result);
  }

  registerDeclaration(action, describe(options, 'state', options.recentSignIn !== undefined));
  return action;
}

function isRecentSign(actor: ActorFor<ActorKind>): boolean {
  return 'signedInAt' in actor && isRecentSignIn(actor.signedInAt);
}

export type FormActionOptions<K extends ActorKind, S extends z.ZodType> = Common<K, S> & {
  /** Where a refused call goes (a plain form has no state to show a message in). */
  refusedTo: string;
  /** Where a form that does not parse (or holds a NUL) goes instead of refusedTo. */
  onInvalid?: (ctx: ActionContext<K>) => Promise<void> | void;
  handler: (input: z.output<S>, ctx: ActionContext<K>) => Promise<void>;
};

/**
 * The same wrapper for a plain `<form action>` (a header button): no state to return to, so
 * every outcome is a redirect, and a refused call is sent to `refusedTo`.
 */
export function defineFormAction<K extends ActorKind, S extends z.ZodType>(
  options: FormActionOptions<K, S>,
): (formData: FormData) => Promise<void> {
  const read = options.read ?? formDataToObject;

  async function action(formData: FormData): Promise<void> {
    const admitted = await admit(options.actor, formData);
    if ('refused' in admitted) {
      // Not a form, or from another site: nothing was asked by one of our pages.
      if (!admitted.signedOut) return;
      redirect(options.refusedTo);
    }
    const parsed = options.schema.safeParse(read(formData));
    if (!parsed.success || admitted.unstorable) {
      await options.onInvalid?.(admitted.ctx);
      redirect(options.refusedTo);
    }
    await refreshingAfter(() => options.handler(parsed.data, admitted.ctx));
  }

  registerDeclaration(action, describe(options, 'plain', false));
  return action;
}
