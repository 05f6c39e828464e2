import type { ActionDeclaration } from '@/lib/actions/registry';
import type { ActionCase, ValidForm } from '@/tests/actions/case';
import { formOf, smuggled } from './calls';
import type { Arranged, Ctx, Entry } from './runner';

/**
 * A server action's case (tests/actions/cases) as the matrix runs it. Throws when the action
 * declares another actor kind than the case pins: the matrix derives whom to refuse from
 * the pinned kind, so a widened actor must be widened in the case too, on purpose.
 */
export function matrixEntryOf(
  key: string,
  definition: ActionCase,
  declaration: ActionDeclaration,
): Entry {
  if (declaration.actor !== definition.actor) {
    throw new Error(
      `${key}: the action declares the actor '${declaration.actor}', its case pins '${definition.actor}' (tests/actions/cases)`,
    );
  }
  const { kind, reason } = definition;
  if ('custom' in definition) return { kind, reason, custom: definition.custom };
  // What Next.js hands the action: (previous state, form) with useActionState, else (form).
  const argsOf = (fields: ValidForm) =>
    declaration.form === 'state' ? [null, formOf(fields)] : [formOf(fields)];
  // An action that takes no foreign id must ignore ids of the victims hidden in its form.
  const hiding = (ctx: Ctx<Arranged>) => (kind === 'self' ? smuggled(ctx) : {});
  return {
    kind,
    reason,
    actor: definition.actor,
    rightful: definition.rightful,
    arrange: definition.arrange,
    args: (ctx) => argsOf({ ...definition.form(ctx), ...hiding(ctx) }),
    wrongArgs: definition.wrongForms?.map((wrong) => (ctx: Ctx<Arranged>) => argsOf(wrong(ctx))),
    others: definition.others,
    isRefused: definition.isRefused,
    succeeded: definition.succeeded,
  };
}
