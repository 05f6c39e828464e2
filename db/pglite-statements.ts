import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  parse,
  protocol,
  type PGlite,
  type QueryOptions,
  type Results,
} from '@electric-sql/pglite';

/**
 * The PGlite versions this file was checked against. It takes the locks PGlite's own query()
 * takes through two private methods (`_runExclusiveTransaction`, `_runExclusiveQuery`) and
 * speaks the wire protocol through `execProtocol`, `parse` and `protocol`; none of that is
 * promised to stay. Another version runs PGlite's own query(), and pglite-statements.test.ts
 * fails until someone has checked this file against it and listed it here.
 */
export const CHECKED_PGLITE_VERSIONS = ['0.5.16'];

/** The version of @electric-sql/pglite installed in the project; undefined if it cannot be read. */
export function installedPgliteVersion(): string | undefined {
  try {
    const file = path.join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Distinct statements kept prepared; Drizzle's statements are few and stable, so this is a safety cap. */
const MAX_STATEMENTS = 1_000;

type Prepared = { name: string; paramTypes: number[] };

const preparedByInstance = new WeakMap<PGlite, Map<string, Prepared>>();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * PGlite with a prepared-statement cache for queries outside transactions. PGlite's own
 * `query()` parses and plans every statement anew and crosses into WebAssembly six times
 * (parse, describe, bind, describe, execute, sync); measured here, the session lookup took
 * 2.2 ms that way and 0.5 ms as a prepared statement. Each distinct SQL text is parsed once
 * into a named statement (its parameter types described then), and every later call is one
 * bind/describe/execute/sync exchange. Queries inside a transaction, with options this does
 * not handle, or past the cap, take PGlite's own path. Everything else is passed through.
 * Only for the versions in CHECKED_PGLITE_VERSIONS; PGLITE_PREPARED_STATEMENTS=false turns
 * it off (db/index.ts).
 */
export function withPreparedStatements(pglite: PGlite, version = installedPgliteVersion()): PGlite {
  if (version === undefined || !CHECKED_PGLITE_VERSIONS.includes(version)) {
    console.warn(
      `db/pglite-statements.ts was not checked against PGlite ${version ?? '(unknown version)'}: PGlite runs queries its own way.`,
    );
    return pglite;
  }
  // Named statements live in the PGlite instance: every wrapper over it shares one list.
  const statements = preparedByInstance.get(pglite) ?? new Map<string, Prepared>();
  preparedByInstance.set(pglite, statements);
  const serialize = protocol.serialize;

  async function prepare(text: string): Promise<Prepared> {
    const name = `wb_${statements.size + 1}`;
    const { messages } = await pglite.execProtocol(
      concat([
        serialize.parse({ name, text }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
    );
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    statements.set(text, prepared);
    return prepared;
  }

  async function query<T>(
    text: string,
    params: unknown[] = [],
    options?: QueryOptions,
  ): Promise<Results<T>> {
    const plain = options?.blob !== undefined || options?.paramTypes !== undefined;
    if (plain || (!statements.has(text) && statements.size >= MAX_STATEMENTS))
      return pglite.query<T>(text, params, options);
    // The same locks PGlite's query() takes: a transaction in progress finishes first.
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        const { name, paramTypes } = statements.get(text) ?? (await prepare(text));
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const serializer =
            options?.serializers?.[paramTypes[i]] ?? pglite.serializers[paramTypes[i]];
          return serializer ? serializer(value) : String(value);
        });
        const { messages } = await pglite.execProtocol(
          concat([
            serialize.bind({ statement: name, values: values as (string | null)[] }),
            serialize.describe({ type: 'P' }),
            serialize.execute({}),
            serialize.sync(),
          ]),
        );
        // PGlite's parseResults spreads its ~320 type parsers and the caller's into a new object
        // on every call when the caller passes any (Drizzle always does): a third of a small
        // query's time. The caller's few are layered over PGlite's through the prototype instead.
        const parsers = options?.parsers
          ? Object.assign(Object.create(pglite.parsers) as typeof pglite.parsers, options.parsers)
          : pglite.parsers;
        return parse.parseResults(
          messages,
          parsers,
          options && { ...options, parsers: undefined },
        )[0] as Results<T>;
      }),
    );
  }

  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return query;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
