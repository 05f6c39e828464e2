import { z } from 'zod';
import type { ActorKind } from '@/lib/actions/actor';
import { declarationOf, type ActionDeclaration } from '@/lib/actions/registry';

/**
 * What the authorization matrix and the action fuzzer read from an action's own declaration
 * (lib/actions/define-action.ts): which fields its form has is written once, in the action.
 * Its actor kind is written in the action and pinned in its case (tests/actions/cases), so
 * that a change of who may call it is made in both on purpose.
 */

/** Rows of a repeated section the fuzzer fills: the first, and a second one. */
const ARRAY_ROWS = [0, 1];

/** Every form field name a schema reads, dotted the way the forms name them. */
export function schemaFields(schema: z.core.$ZodType, prefix = ''): string[] {
  const here = prefix === '' ? [] : [prefix];
  const under = (key: string | number) => (prefix === '' ? String(key) : `${prefix}.${key}`);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape).flatMap(([key, value]) => schemaFields(value, under(key)));
  }
  if (schema instanceof z.ZodArray)
    return ARRAY_ROWS.flatMap((row) => schemaFields(schema.element, under(row)));
  if (schema instanceof z.ZodUnion)
    return unique(schema.options.flatMap((option) => schemaFields(option, prefix)));
  if (schema instanceof z.ZodPipe)
    return unique([...schemaFields(schema.in, prefix), ...schemaFields(schema.out, prefix)]);
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodCatch ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodNonOptional
  ) {
    return schemaFields(schema.unwrap(), prefix);
  }
  return here;
}

const unique = (names: string[]) => [...new Set(names)];

/** The declaration of an action found in the code; throws for an export the wrapper did not make. */
export function declarationFor(key: string, fn: unknown): ActionDeclaration {
  const declaration = declarationOf(fn);
  if (!declaration)
    throw new Error(`${key} is not made by defineAction/defineFormAction (lib/actions)`);
  return declaration;
}

/** Every field of the action's form: the schema's, the extra ones and the file inputs. */
export function formFields(declaration: ActionDeclaration): string[] {
  return unique([
    ...schemaFields(declaration.schema),
    ...declaration.extraFields,
    ...declaration.files,
  ]);
}

/** The people of the matrix (tests/security/matrix/world.ts) each kind lets in. */
export const ADMITTED: Record<ActorKind, readonly string[]> = {
  anyone: [
    'anonymous',
    'otherClient',
    'otherFreelancer',
    'admin',
    'victimClient',
    'victimFreelancer',
  ],
  'emailed-link': [
    'anonymous',
    'otherClient',
    'otherFreelancer',
    'admin',
    'victimClient',
    'victimFreelancer',
  ],
  'signed-in': ['otherClient', 'otherFreelancer', 'admin', 'victimClient', 'victimFreelancer'],
  client: ['otherClient', 'victimClient'],
  freelancer: ['otherFreelancer', 'victimFreelancer'],
  reviewer: ['admin'],
};
