import fc from 'fast-check';
import type { z } from 'zod';
import { chooseSideSchema, emailSchema } from '@/lib/accounts/schemas';
import { questionnaireSchema } from '@/lib/compliance/questions';
import { formDataToObject } from '@/lib/forms-data';
import { bulkRowSchema, changeEmailSchema, inviteSchema, offerSchema } from '@/lib/invites/schemas';
import { basicInfoSchema, declineOfferSchema } from '@/lib/onboarding/schemas';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { profileSchema } from '@/lib/profile/schemas';
import { taxInfoSchema } from '@/lib/tax/schemas';

/** Every schema that parses what people (or attackers) send. */
const SCHEMAS: Record<string, z.ZodType> = {
  emailSchema,
  chooseSideSchema,
  inviteSchema,
  offerSchema,
  bulkRowSchema,
  changeEmailSchema,
  basicInfoSchema,
  declineOfferSchema,
  addPayoutMethodSchema,
  taxInfoSchema,
  profileSchema,
  questionnaireSchema,
};

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; drop table invite; --",
    '../../etc/passwd',
    'a@evil.com＠victim.com',
    '\u0000\u202e\ufeff',
    '9'.repeat(400),
    '-1e309',
    'NaN',
    '__proto__',
  ),
  fc.string({ minLength: 20_000, maxLength: 60_000 }),
);

const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(hostileString, { maxLength: 20 }));

/** Objects shaped a bit like our forms: known field names with hostile values. */
const FIELD_NAMES = ['email', 'firstName', 'lastName', 'message', 'offer', 'kind', 'title', 'description', 'startDate', 'hourlyRate', 'weeklyLimit', 'milestones', 'side', 'workspaceName', 'workspaceType', 'yourName', 'country', 'timeZone', 'phone', 'acceptTerms', 'reason', 'routingNumber', 'accountNumber', 'iban', 'bic', 'holderName', 'overview', 'skills'];
const formLike = fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(hostileValue, fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue)), { maxKeys: 12 });

function expectStructured(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (!result.success) {
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) {
      expect(typeof issue.message).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
}

describe.each(Object.entries(SCHEMAS))('%s', (_name, schema) => {
  it('answers anything with success or a structured validation error, never a throw', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), formLike), (input) => expectStructured(schema, input)), { numRuns: 200 });
  });
});

it('FormData with hostile names and values always becomes a plain object the schemas can judge', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES, 'offer.milestones.0.amount', '__proto__.x', 'offer.__proto__', 'a..b', '.', 'offer.milestones.99999.x'), fc.string()), hostileString), { maxLength: 30 }), (entries) => {
      const data = new FormData();
      for (const [k, v] of entries) data.append(k, v);
      const object = formDataToObject(data);
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expectStructured(inviteSchema, object);
    }),
    { numRuns: 300 },
  );
});
