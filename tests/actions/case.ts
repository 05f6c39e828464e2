import type { ActorKind } from '@/lib/actions/actor';
import type { EndpointFn } from '@/tests/security/matrix/endpoints';
import type { Arranged, Ctx, Expectation, Kind, Outcome } from '@/tests/security/matrix/runner';
import type { Role, World } from '@/tests/security/matrix/world';

/** A form an action accepts, as field name to value. */
export type ValidForm = Record<string, string>;

/**
 * What the authorization matrix (tests/security/matrix) and the action fuzzer
 * (tests/fuzz/actions) both read of one server action, so that a new action is one entry:
 * who must be allowed to call it, the state it needs and a form it accepts.
 */
type Common<T extends Arranged> = {
  /**
   * The actor kind the action must declare, written here on purpose a second time: the matrix
   * derives whom to refuse from it and fails when the action declares another, so widening an
   * action's actor fails until this line is changed too.
   */
  actor: ActorKind;
  kind: Kind;
  /** Why this guard is the right one; for open actions, what guards them instead. */
  reason: string;
  /** Who may act: the matrix's rightful caller, and the fuzzer's caller. */
  rightful: Role;
  /**
   * The state the action needs: the ids it aims at, people standing in for the shared ones
   * (`people`) and ids no wrong actor may touch (`protect`). Rows it makes belong to the victims.
   */
  arrange: (world: World) => Promise<T>;
  /**
   * A form the rightful caller's call succeeds with, holding only fields the action declares.
   * The matrix adds hidden ids of the victims to it for a 'self' action (see smuggled()).
   */
  form: (state: { world: World; target: T }) => ValidForm;
  fuzz?: {
    /**
     * Set when a success uses up the target (a consumed link, a decided check, an address
     * that moved): says so, and arrange() is then called before every run instead of once.
     */
    freshEachRun?: string;
    /** Headers of every request, e.g. another client address per run for per-IP limits. */
    headers?: () => Record<string, string>;
  };
};

type Calls<T extends Arranged> = {
  /** Forms that must be refused for everybody, the rightful actor included. */
  wrongForms?: ((ctx: Ctx<T>) => ValidForm)[];
  /** Overrides of what a wrong actor's call must come to (see expectationFor). */
  others?: Partial<Record<Role, Expectation>>;
  /** When a refusal looks different from the usual ones (see isRefusal). */
  isRefused?: (outcome: Outcome) => boolean;
  /** Asserts the rightful call did what it should, in the answer and in the database. */
  succeeded: (outcome: Outcome, ctx: Ctx<T>) => Promise<void>;
};

/** An action whose guard does not fit the actor matrix: the matrix runs `custom` instead. */
type Custom = { custom: (fn: EndpointFn, world: World) => Promise<void> };

export type ActionCase<T extends Arranged = Arranged> = Common<T> & (Calls<T> | Custom);

/** Keeps each case's own target type while the table holds them side by side. */
export function defineActionCase<T extends Arranged>(definition: ActionCase<T>): ActionCase {
  return definition as unknown as ActionCase;
}

export function isActionCase(entry: object): entry is ActionCase {
  return 'actor' in entry && 'form' in entry;
}
