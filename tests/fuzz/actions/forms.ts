import fc from 'fast-check';
import {
  HOSTILE_FIELD_NAMES,
  HOSTILE_FRAGMENTS,
  hostileFile,
  hostileString,
  hostileValue,
  numberAsText,
  toFile,
  type HostileFile,
} from '@/tests/helpers/hostile';

export type FieldValue = string | HostileFile;
export type Form = Record<string, FieldValue>;

/** What the fuzzer needs to know of an action's form (from its declaration, see runner.ts). */
export type FormShape = { fields: readonly string[]; files?: readonly string[] };

/**
 * One change to the form: set a field (replacing every value it had), append one more value,
 * drop it, or tweak its valid value with a hostile fragment (so it may still pass the schema
 * and reach the service and the database).
 */
type Edit =
  | { op: 'set' | 'append'; name: string; value: FieldValue }
  | { op: 'drop'; name: string }
  | { op: 'tweak'; name: string; fragment: string; at: 'start' | 'middle' | 'end' };
export type FuzzInput = { fromValid: boolean; edits: Edit[]; previousState: unknown };

function valueFor(name: string, files: readonly string[]): fc.Arbitrary<FieldValue> {
  if (files.includes(name))
    return fc.oneof({ arbitrary: hostileFile, weight: 4 }, { arbitrary: hostileString, weight: 1 });
  return fc.oneof(
    { arbitrary: hostileString, weight: 5 },
    { arbitrary: numberAsText, weight: 2 },
    // A file where text is expected: FormData.get() then answers a File, not a string.
    { arbitrary: hostileFile, weight: 1 },
  );
}

/** The action's own fields, nested names under them, and names that aim at prototypes. */
function namesOf(fields: readonly string[]): fc.Arbitrary<string> {
  const nested = fields.flatMap((f) => [`${f}.0`, `${f}.__proto__`]);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(fields.length ? fields : HOSTILE_FIELD_NAMES)), weight: 6 },
    { arbitrary: fc.constantFrom(...HOSTILE_FIELD_NAMES, ...nested), weight: 1 },
  );
}

export function fuzzInput(fuzz: FormShape): fc.Arbitrary<FuzzInput> {
  const files = fuzz.files ?? [];
  const names = namesOf(fuzz.fields);
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    names.chain((name) =>
      fc.record({
        op: fc.constantFrom('set' as const, 'append' as const),
        name: fc.constant(name),
        value: valueFor(name, files),
      }),
    ),
    fc.record({ op: fc.constant('drop' as const), name: names }),
    fc.record({
      op: fc.constant('tweak' as const),
      name: names,
      fragment: fc.constantFrom(...HOSTILE_FRAGMENTS),
      at: fc.constantFrom('start' as const, 'middle' as const, 'end' as const),
    }),
  );
  return fc.record({
    fromValid: fc.oneof(
      { arbitrary: fc.constant(true), weight: 3 },
      { arbitrary: fc.constant(false), weight: 1 },
    ),
    edits: fc.array(edit, { maxLength: 5 }),
    previousState: fc.oneof(fc.constant(null), hostileValue),
  });
}

/**
 * Runs every fuzz starts with: the valid form with a NUL in one field, for each field in
 * turn (a file field gets a file with a NUL inside). Postgres cannot store U+0000 in text
 * or jsonb, so a NUL that passes validation fails the write; random runs rarely put one in
 * exactly the field that lets it through.
 */
export function nulInEachField(fuzz: FormShape): [FuzzInput][] {
  const files = fuzz.files ?? [];
  return fuzz.fields.map((name) => [
    {
      fromValid: true,
      edits: [
        files.includes(name)
          ? {
              op: 'set',
              name,
              value: {
                file: 'list.csv',
                bytes: new Uint8Array(Buffer.from('a\u0000b@example.com,A,B\n')),
                type: 'text/csv',
              },
            }
          : { op: 'tweak', name, fragment: '\u0000', at: 'middle' },
      ],
      previousState: null,
    },
  ]);
}

function tweak(value: FieldValue | undefined, fragment: string, at: 'start' | 'middle' | 'end') {
  if (typeof value !== 'string') return fragment;
  if (at === 'start') return fragment + value;
  if (at === 'end') return value + fragment;
  const middle = Math.floor(value.length / 2);
  return value.slice(0, middle) + fragment + value.slice(middle);
}

export function buildForm(valid: Form, input: FuzzInput): FormData {
  let entries: [string, FieldValue][] = input.fromValid ? Object.entries(valid) : [];
  for (const edit of input.edits) {
    const current = entries.find(([n]) => n === edit.name)?.[1];
    if (edit.op !== 'append') entries = entries.filter(([n]) => n !== edit.name);
    if (edit.op === 'set' || edit.op === 'append') entries.push([edit.name, edit.value]);
    if (edit.op === 'tweak') entries.push([edit.name, tweak(current, edit.fragment, edit.at)]);
  }
  const form = new FormData();
  for (const [name, value] of entries)
    form.append(name, typeof value === 'string' ? value : toFile(value));
  return form;
}
