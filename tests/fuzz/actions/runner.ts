import fc from 'fast-check';
import { createSession } from '@/lib/auth/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { diffSnapshots, snapshotDatabase, type RowChange } from '@/tests/helpers/db-snapshot';
import { startRequest } from '@/tests/helpers/request-context';
import {
  discoverEndpoints,
  type Endpoint,
  type EndpointFn,
} from '@/tests/security/matrix/endpoints';
import { describeOutcome, invoke, type Outcome } from '@/tests/security/matrix/runner';
import { World, type People, type Person, type Role } from '@/tests/security/matrix/world';
import type { ActionCase } from '@/tests/actions/case';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { declarationFor, formFields } from '@/tests/actions/declarations';
import {
  buildForm,
  fuzzInput,
  nulInEachField,
  type Form,
  type FormShape,
  type FuzzInput,
} from './forms';

/** One call: who makes it (null: nobody signed in) and a form the action accepts. */
type Run = { caller: Person | null; form: Form };

/*
 * How each server action is fuzzed comes from its shared case (tests/actions/cases): the
 * state it needs, its rightful caller and a valid form. Every run opens a new session for
 * the caller (signing out ends it), then posts the valid form with hostile edits, or hostile
 * fields alone. The fields to set, repeat and drop come from the action's own declaration
 * (its schema, extra fields and file inputs: tests/actions/declarations.ts).
 */

/** The rightful caller of a case: who stands in for that role, else the world's, else a new one. */
async function callerFor(
  world: World,
  role: Role,
  people: Partial<People> | undefined,
): Promise<Person | null> {
  if (role === 'anonymous') return null;
  const standIn = people?.[role];
  if (standIn) return standIn;
  switch (role) {
    case 'victimClient':
      return world.victimClient;
    case 'victimFreelancer':
      return world.victimFreelancer;
    case 'admin':
      return world.newAdmin();
    case 'otherClient':
      return world.newClient('company');
    case 'otherFreelancer':
      return createFreelancer(world.db);
  }
}

async function arrangeRun(world: World, definition: ActionCase): Promise<Run> {
  const target = await definition.arrange(world);
  return {
    caller: await callerFor(world, definition.rightful, target.people),
    form: definition.form({ world, target }),
  };
}

/** Random runs per action, after the examples; FUZZ_RUNS=200 fuzzes deeper on demand. */
const RANDOM_RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 15;

/** What Next.js hands the action: (previous state, form) for useActionState, else (form). */
function argsFor(fn: EndpointFn, form: FormData, previousState: unknown): unknown[] {
  return fn.length >= 2 ? [previousState, form] : [form];
}

const isStringArray = (v: unknown) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
const isStringRecord = (v: unknown, check: (x: unknown) => boolean) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(check);

/** Why this returned value is not a FormState (lib/forms.ts), or null when it is one. */
function notAFormState(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const state = value as Record<string, unknown>;
  if (state.ok === true)
    return state.message === undefined || typeof state.message === 'string'
      ? null
      : 'ok: true with a message that is not text';
  if (state.ok !== false) return '`ok` is neither true nor false';
  if (typeof state.message !== 'string') return 'ok: false without a message';
  if (!isStringRecord(state.fieldErrors, isStringArray))
    return 'fieldErrors is not a record of non-empty messages';
  if (state.values !== undefined && !isStringRecord(state.values, (v) => typeof v === 'string'))
    return 'values is not a record of text';
  return null;
}

/** A refusal the database must not notice: ok: false, or notFound(). */
const isRefusal = (outcome: Outcome) =>
  outcome.type === 'not-found' ||
  (outcome.type === 'returned' && (outcome.value as { ok?: unknown }).ok === false);

const shorten = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

function describeForm(form: FormData): string {
  return [...form.entries()]
    .map(([name, value]) =>
      typeof value === 'string'
        ? `${JSON.stringify(shorten(name))}=${JSON.stringify(shorten(value))} (${value.length} chars)`
        : `${JSON.stringify(shorten(name))}=File(${JSON.stringify(value.name)}, ${value.size} bytes)`,
    )
    .join('\n    ');
}

const describeChanges = (changes: RowChange[]) =>
  changes
    .slice(0, 5)
    .map((c) => `${c.change} ${c.table}: ${shorten(c.row)}`)
    .join('\n    ');

/** An action's case with what its declaration says of its form. */
type Fuzzed = FormShape & { definition: ActionCase; secretFields: readonly string[] };

/** One call of the property; throws with the form and the outcome when it does not hold. */
async function callOnce(
  key: string,
  fn: EndpointFn,
  fuzz: Fuzzed,
  world: World,
  shared: Run | null,
  input: FuzzInput,
): Promise<void> {
  const { caller, form: valid } = shared ?? (await arrangeRun(world, fuzz.definition));
  // The NUL examples go through the declared fields: the valid form must not have others.
  const unlisted = Object.keys(valid).filter((name) => !fuzz.fields.includes(name));
  if (unlisted.length > 0)
    throw new Error(`${key}: the action does not declare the fields ${unlisted.join(', ')}`);
  const sessionToken = caller ? (await createSession(world.db, caller.userId)).token : null;
  startRequest(sessionToken, fuzz.definition.fuzz?.headers?.() ?? {});
  const form = buildForm(valid, input);
  const before = await snapshotDatabase(world.database);
  const outcome = await invoke(fn, argsFor(fn, form, input.previousState));
  const fail = (why: string) => {
    throw new Error(`${key}: ${why}\n  form:\n    ${describeForm(form)}`);
  };
  if (outcome.type === 'threw') {
    const cause = (outcome.error as { cause?: unknown } | null)?.cause;
    fail(`threw instead of answering: ${describeOutcome(outcome)}\n  cause: ${String(cause)}`);
  }
  if (outcome.type === 'response') fail(`answered a Response: ${describeOutcome(outcome)}`);
  if (outcome.type === 'returned') {
    const why = notAFormState(outcome.value);
    if (why)
      fail(`returned something other than a form state (${why}): ${describeOutcome(outcome)}`);
    const { values } = outcome.value as { values?: Record<string, string> };
    const echoed = fuzz.secretFields.filter((name) => values && name in values);
    if (echoed.length > 0) fail(`echoed the secret fields ${echoed.join(', ')}`);
  }
  if (!isRefusal(outcome)) return;
  const changes = diffSnapshots(before, await snapshotDatabase(world.database));
  if (changes.length > 0)
    fail(`${describeOutcome(outcome)}, yet the database changed:\n    ${describeChanges(changes)}`);
}

/**
 * Fuzzes these actions in one test file: one database, one world, every action found from
 * the code. Call it after installRequestMocks().
 */
export function runActionFuzz(title: string, cases: Record<string, ActionCase>): void {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let world: World;
  let endpoints: Endpoint[];

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await World.build(database);
    // Runs that need an invite each would otherwise meet the daily limit of the client.
    world.setEnv('INVITES_PER_DAY', '100000');
    endpoints = (await discoverEndpoints()).endpoints.filter((e) => e.kind === 'action');
  });
  afterAll(async () => {
    world?.restoreEnv();
    await database?.dispose();
  });

  describe(title, () => {
    it.each(Object.keys(cases))(
      '%s answers hostile forms with a form state or a redirect, and refusals write nothing',
      async (key) => {
        const endpoint = endpoints.find((e) => e.key === key);
        if (!endpoint) throw new Error(`${key} is fuzzed but is not an action in the code`);
        const declaration = declarationFor(key, endpoint.fn);
        const definition = cases[key];
        // The caller comes from the pinned actor: it must be the one the action declares.
        if (declaration.actor !== definition.actor)
          throw new Error(
            `${key}: the action declares the actor '${declaration.actor}', its case pins '${definition.actor}'`,
          );
        const fuzz: Fuzzed = {
          definition,
          fields: formFields(declaration),
          files: declaration.files,
          secretFields: declaration.secretFields,
        };
        const shared = definition.fuzz?.freshEachRun ? null : await arrangeRun(world, definition);
        const examples = nulInEachField(fuzz);
        await fc.assert(
          fc.asyncProperty(fuzzInput(fuzz), (input) =>
            callOnce(key, endpoint.fn, fuzz, world, shared, input),
          ),
          {
            examples,
            // The examples count as runs: these many random runs follow them.
            numRuns: examples.length + RANDOM_RUNS,
            // A failure is reported as found: shrinking would call the action hundreds of
            // times more against a database the failing run already changed.
            endOnFailure: true,
          },
        );
      },
      120_000,
    );
  });
}
