import { expect } from '@jest/globals';
import fc from 'fast-check';

/** Script typed into a text field, as the escaping tests use it. */
export const SCRIPT = '<script>alert(1)</script>';
const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';
/** React's own inline script that replays a form submitted before hydration. */
const FORM_REPLAY = /<script>addEventListener\("submit",[\s\S]*?<\/script>/g;

/** Rendered markup shows SCRIPT only as text, `times` times, and holds no script of its own. */
export function expectScriptShownAsText(html: string, times: number) {
  expect(html.replace(FORM_REPLAY, '')).not.toMatch(/<script/i);
  expect(html.split(ESCAPED_SCRIPT)).toHaveLength(times + 1);
}

/**
 * What people (or attackers) may type or post: the generators shared by the schema and the
 * server-action fuzz tests (tests/fuzz).
 */
export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "'; drop table invite; --",
    "' or '1'='1",
    '../../etc/passwd',
    'a@evil.com＠victim.com',
    '\u0000\u202e\ufeff',
    'Alex\u0000Kim',
    '9'.repeat(400),
    '-1e309',
    '1e309',
    'NaN',
    'Infinity',
    '-0',
    '0x1F',
    '__proto__',
    'constructor',
    '{"$gt":""}',
  ),
  fc.string({ minLength: 20_000, maxLength: 60_000 }),
);

export const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileString, { maxLength: 20 }),
);

/** Numbers as a form sends them: text, including the ones that are not quite numbers. */
export const numberAsText = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom('-1', '0', '1.005', '1,250.00', '$45.50', '１２３', '1e3', '-1e309', 'NaN'),
);

/** Field names our forms use, for objects shaped a bit like them. */
export const FIELD_NAMES = [
  'email',
  'firstName',
  'lastName',
  'message',
  'offer',
  'kind',
  'title',
  'description',
  'startDate',
  'hourlyRateDollars',
  'weeklyLimit',
  'milestones',
  'side',
  'workspaceName',
  'workspaceType',
  'yourName',
  'country',
  'timeZone',
  'phone',
  'acceptTerms',
  'reason',
  'routingNumber',
  'accountNumber',
  'iban',
  'bic',
  'holderName',
  'overview',
  'skills',
];

/** Names that try to reach a prototype, a huge array index or an empty path segment. */
export const HOSTILE_FIELD_NAMES = [
  'offer.milestones.0.amountDollars',
  'offer.milestones.99999.amountDollars',
  'offer.milestones.99999.x',
  '__proto__',
  '__proto__.x',
  'offer.__proto__',
  'constructor.prototype.x',
  'a..b',
  '.',
  '$ACTION_ID_0',
];

/** An uploaded file as a descriptor (readable in a counterexample); see toFile(). */
export type HostileFile = { file: string; bytes: Uint8Array; type: string };

export const hostileFile: fc.Arbitrary<HostileFile> = fc.record({
  file: fc.oneof(
    fc.constantFrom(
      '',
      'blob',
      'document.pdf',
      'photo.png',
      '../../etc/passwd.pdf',
      'a\u0000b.pdf',
      'invoice.pdf.exe',
    ),
    fc.string().map((name) => `${name}.pdf`),
    fc.string({ unit: 'grapheme' }).map((name) => `${name}.png`),
  ),
  bytes: fc.oneof(
    fc.constant(new Uint8Array()),
    fc.uint8Array({ maxLength: 2048 }),
    // A real file signature followed by junk.
    fc
      .uint8Array({ maxLength: 512 })
      .map((tail) => new Uint8Array([...Buffer.from('%PDF-1.4\n'), ...tail])),
    fc
      .uint8Array({ maxLength: 512 })
      .map((tail) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail])),
  ),
  type: fc.constantFrom('', 'application/pdf', 'image/png', 'text/html'),
});

export function toFile({ file, bytes, type }: HostileFile): File {
  return new File([Buffer.from(bytes)], file, { type });
}

/**
 * Small pieces that leave a valid value valid-looking: a NUL, direction overrides, a lone
 * surrogate, quotes, markup, line breaks, characters whose case or normal form changes
 * their length. Put into a valid form they reach the service and the database.
 */
export const HOSTILE_FRAGMENTS = [
  '\u0000',
  '\u202e',
  '\ufeff',
  '\u200b',
  '\ud800',
  "'",
  '"',
  '\\',
  '%',
  '<b>',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '👩🏽‍💻',
  'İ',
  'ß',
  'e\u0301',
  '＠',
  '0',
  '.5',
  'e3',
];
