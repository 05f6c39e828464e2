import type { ActorKind } from '@/lib/actions/actor';
import { createSession } from '@/lib/auth/service';
import { ADMITTED } from '@/tests/actions/declarations';
import {
  changesTouching,
  diffSnapshots,
  snapshotDatabase,
  type RowChange,
} from '@/tests/helpers/db-snapshot';
import { startRequest } from '@/tests/helpers/request-context';
import type { EndpointFn } from './endpoints';
import { ROLES, type Client, type People, type Person, type Role, type World } from './world';

/**
 * How an endpoint is guarded, and so what the matrix asks of it:
 * - owner / admin-only: aimed at the victim's ids, only the rightful actor may act;
 * - self: takes no foreign id and acts on the caller's own account (ids smuggled into the
 *   form are ignored), so strangers may succeed on their own rows but never touch the victim's;
 * - token-guarded / signature-guarded: the emailed token or the webhook signature is the
 *   credential; a wrong one is refused for everybody;
 * - visibility-guarded, public-by-design, dev-only: open on purpose; the matrix checks what
 *   stands in for the session (visibility, read-only, the transport switch).
 */
export type Kind =
  | 'owner'
  | 'admin-only'
  | 'self'
  | 'token-guarded'
  | 'signature-guarded'
  | 'visibility-guarded'
  | 'public-by-design'
  | 'dev-only';

/**
 * What a call by someone other than the rightful actor must come to:
 * - refused: a refusal (see isRefusal), and the database unchanged;
 * - unchanged: any answer, and the database unchanged (reads, signing out with no session);
 * - own-rows: may succeed; no added, removed or changed row mentions the victim;
 * - allowed: may succeed by design (an ops reviewer opening a document); not compared;
 * - skip: not called with the victim's arguments (the case says why).
 */
export type Expectation = 'refused' | 'unchanged' | 'own-rows' | 'allowed' | 'skip';

export type Outcome =
  | { type: 'returned'; value: unknown }
  | { type: 'redirect'; location: string }
  | { type: 'not-found' }
  | { type: 'threw'; error: unknown }
  | { type: 'response'; status: number; location: string | null; body: string; bytes: Uint8Array };

/**
 * What arrange() prepares: the case's own target ids and values, people who stand in for
 * the shared ones, and further ids no wrong actor may touch.
 */
export type Arranged = { people?: Partial<People>; protect?: string[]; [target: string]: unknown };

export type Ctx<T extends Arranged> = {
  world: World;
  target: T;
  people: People;
  /** The cookie of the current call, when signed in. */
  sessionToken: string | null;
};

type Args<T extends Arranged> = (ctx: Ctx<T>) => unknown[] | Promise<unknown[]>;

export type Case<T extends Arranged = Arranged> = {
  kind: Kind;
  /** A server action's pinned actor kind (tests/actions/case.ts); unset for a route handler. */
  actor?: ActorKind;
  /** Why this guard is the right one; for open endpoints, what guards them instead. */
  reason: string;
  rightful: Role;
  arrange: (world: World) => Promise<T>;
  /** The call aimed at the victim (built again for every actor: bodies are read once). */
  args: Args<T>;
  /** Calls that must be refused for everybody, the rightful actor included. */
  wrongArgs?: Args<T>[];
  /**
   * Overrides. For a server action the default comes from its pinned actor kind: people
   * the kind lets in may act on their own rows ('self') or are refused ('owner',
   * 'admin-only'); everyone else is refused (see expectationFor).
   */
  others?: Partial<Record<Role, Expectation>>;
  /** When a refusal looks different from the usual ones (see isRefusal). */
  isRefused?: (outcome: Outcome) => boolean;
  /** Asserts the rightful call did what it should, in the answer and in the database. */
  succeeded: (outcome: Outcome, ctx: Ctx<T>) => Promise<void>;
  /** Further checks of the guard that stands in for a session (run after the matrix). */
  also?: (fn: EndpointFn, ctx: Ctx<T>) => Promise<void>;
};

/** An endpoint whose guard does not fit the actor matrix; it says how it is tested instead. */
export type CustomCase = {
  kind: Kind;
  reason: string;
  custom: (fn: EndpointFn, world: World) => Promise<void>;
};

export type Entry = Case | CustomCase;

/** The same expectation for every actor (the runner never counts the rightful one as wrong). */
export function everyone(expectation: Expectation): Record<Role, Expectation> {
  return Object.fromEntries(ROLES.map((role) => [role, expectation])) as Record<Role, Expectation>;
}

/**
 * What a wrong actor's call must come to when the case does not say: from the action's
 * pinned actor kind (the matrix checks the action declares that kind), or refused for a
 * route handler.
 */
export function expectationFor(definition: Case, role: Role): Expectation {
  const given = definition.others?.[role];
  if (given) return given;
  const admitted = definition.actor ? ADMITTED[definition.actor].includes(role) : false;
  return admitted && definition.kind === 'self' ? 'own-rows' : 'refused';
}

/** Keeps each case's own target type while the table holds them side by side. */
export function defineCase<T extends Arranged>(definition: Case<T>): Case {
  return definition as unknown as Case;
}

const pathOf = (location: string) => new URL(location, 'http://matrix.invalid').pathname;

/**
 * A refusal: a returned `{ ok: false }`, a redirect to sign in, notFound(), a thrown error,
 * an HTTP error status, or a redirect to sign in or back with an `error=`. Whether anything
 * changed is checked separately, against the database.
 */
export function isRefusal(outcome: Outcome): boolean {
  switch (outcome.type) {
    case 'returned': {
      const value = outcome.value as { ok?: unknown } | null | undefined;
      return typeof value === 'object' && value !== null && value.ok === false;
    }
    case 'redirect':
      return pathOf(outcome.location).startsWith('/sign-in');
    case 'not-found':
    case 'threw':
      return true;
    case 'response':
      if (outcome.status >= 400) return true;
      return (
        outcome.status >= 300 &&
        outcome.location !== null &&
        (pathOf(outcome.location).startsWith('/sign-in') || /[?&]error=/.test(outcome.location))
      );
  }
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.type) {
    case 'returned':
      return `returned ${JSON.stringify(outcome.value)?.slice(0, 300)}`;
    case 'redirect':
      return `redirect to ${outcome.location}`;
    case 'not-found':
      return 'notFound()';
    case 'threw':
      return `threw ${outcome.error instanceof Error ? outcome.error.stack : String(outcome.error)}`;
    case 'response':
      return `HTTP ${outcome.status}${outcome.location ? ` → ${outcome.location}` : ''}`;
  }
}

export async function invoke(fn: EndpointFn, args: unknown[]): Promise<Outcome> {
  try {
    const value = await fn(...args);
    if (!(value instanceof Response)) return { type: 'returned', value };
    const bytes = new Uint8Array(await value.arrayBuffer());
    return {
      type: 'response',
      status: value.status,
      location: value.headers.get('location'),
      body: Buffer.from(bytes).toString('utf8'),
      bytes,
    };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) {
      return { type: 'redirect', location: digest.split(';').slice(2, -2).join(';') };
    }
    if (typeof digest === 'string' && digest === 'NEXT_HTTP_ERROR_FALLBACK;404')
      return { type: 'not-found' };
    return { type: 'threw', error };
  }
}

function identify(person: Person | Client): string[] {
  return 'workspaceId' in person
    ? [person.userId, person.email, person.workspaceId]
    : [person.userId, person.email];
}

const describeChanges = (changes: RowChange[]) =>
  changes
    .slice(0, 5)
    .map((c) => `${c.change} ${c.table}: ${c.row.slice(0, 300)}`)
    .join('\n  ');

/**
 * Calls the endpoint as every actor, then as the rightful one. Each signed-in call gets a
 * session of its own (signing out ends it), opened before the "before" snapshot.
 */
export async function runCase(
  key: string,
  definition: Case,
  fn: EndpointFn,
  world: World,
): Promise<void> {
  const target = await definition.arrange(world);
  const people = await world.people(target.people);
  const protect = [
    ...(definition.rightful === 'anonymous' ? [] : identify(people[definition.rightful])),
    ...(target.protect ?? []),
  ];
  const refused = definition.isRefused ?? isRefusal;
  if (definition.actor && !ADMITTED[definition.actor].includes(definition.rightful)) {
    throw new Error(
      `${key}: the rightful ${definition.rightful} is not let in by the actor '${definition.actor}'`,
    );
  }

  const call = async (role: Role, args: Args<Arranged>) => {
    const sessionToken =
      role === 'anonymous' ? null : (await createSession(world.db, people[role].userId)).token;
    startRequest(sessionToken);
    const ctx: Ctx<Arranged> = { world, target, people, sessionToken };
    const built = await args(ctx);
    const before = await snapshotDatabase(world.database);
    const outcome = await invoke(fn, built);
    const changes = diffSnapshots(before, await snapshotDatabase(world.database));
    return { outcome, changes, ctx };
  };

  const attempt = async (
    role: Role,
    args: Args<Arranged>,
    expectation: Expectation,
    label: string,
  ) => {
    const { outcome, changes } = await call(role, args);
    const who = `${key} as ${role}${label}`;
    if (expectation === 'allowed') {
      if (refused(outcome))
        throw new Error(`${who}: should be allowed, got ${describeOutcome(outcome)}`);
      return;
    }
    if (expectation === 'refused' && !refused(outcome)) {
      throw new Error(`${who}: was not refused: ${describeOutcome(outcome)}`);
    }
    const forbidden = expectation === 'own-rows' ? changesTouching(changes, protect) : changes;
    if (forbidden.length > 0) {
      throw new Error(
        `${who}: changed the database (${expectation}):\n  ${describeChanges(forbidden)}`,
      );
    }
    // Whatever a wrong actor is answered, it must not show the victim's ids or address.
    if (outcome.type === 'response') {
      const leaked = protect.filter((value) => outcome.body.includes(value));
      if (leaked.length > 0) throw new Error(`${who}: the response shows ${leaked.join(', ')}`);
    }
  };

  for (const role of ROLES) {
    const expectation = role === definition.rightful ? 'skip' : expectationFor(definition, role);
    if (expectation !== 'skip') await attempt(role, definition.args, expectation, '');
    for (const [i, wrong] of (definition.wrongArgs ?? []).entries()) {
      await attempt(role, wrong, 'refused', ` (wrong call #${i + 1})`);
    }
  }

  const rightful = await call(definition.rightful, definition.args);
  if (refused(rightful.outcome)) {
    throw new Error(
      `${key} as the rightful ${definition.rightful}: was refused: ${describeOutcome(rightful.outcome)}`,
    );
  }
  await definition.succeeded(rightful.outcome, rightful.ctx);
  await definition.also?.(fn, rightful.ctx);
}

export async function runEntry(
  key: string,
  entry: Entry,
  fn: EndpointFn,
  world: World,
): Promise<void> {
  if ('custom' in entry) await entry.custom(fn, world);
  else await runCase(key, entry, fn, world);
}
