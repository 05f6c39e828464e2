import type { z } from 'zod';
import type { ActorKind } from './actor';

/**
 * What an action declares about itself: who may call it and what it reads. The authorization
 * matrix and the action fuzzer read these (tests/actions/declarations.ts): the form of an
 * action is written once, in the action; its actor is also pinned in the action's test case.
 */
export type ActionDeclaration = {
  actor: ActorKind;
  schema: z.ZodType;
  secretFields: readonly string[];
  /** Fields read outside the schema: intent buttons and the like. */
  extraFields: readonly string[];
  files: readonly string[];
  recentSignIn: boolean;
  /** 'state': bound with useActionState, (previous, form); 'plain': `<form action>`, (form). */
  form: 'state' | 'plain';
};

const declarations = new WeakMap<object, ActionDeclaration>();

export function registerDeclaration(action: object, declaration: ActionDeclaration): void {
  declarations.set(action, declaration);
}

/** The declaration of an exported action; undefined for a function not made by the wrapper. */
export function declarationOf(action: unknown): ActionDeclaration | undefined {
  return typeof action === 'function' ? declarations.get(action) : undefined;
}
