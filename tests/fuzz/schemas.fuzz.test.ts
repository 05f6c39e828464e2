import fc from 'fast-check';
import type { z } from 'zod';
import { chooseSideSchema, emailSchema, workspaceTimeZoneSchema } from '@/lib/accounts/schemas';
import { questionnaireSchema } from '@/lib/compliance/questions';
import { formDataToObject } from '@/lib/forms-data';
import { bulkRowSchema, changeEmailSchema, inviteSchema, offerSchema } from '@/lib/invites/schemas';
import { basicInfoSchema, declineOfferSchema } from '@/lib/onboarding/schemas';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { profileSchema } from '@/lib/profile/schemas';
import { taxInfoSchema } from '@/lib/tax/schemas';
import {
  FIELD_NAMES,
  HOSTILE_FIELD_NAMES,
  hostileString,
  hostileValue,
} from '@/tests/helpers/hostile';

/** Every schema that parses what people (or attackers) send. */
const SCHEMAS: Record<string, z.ZodType> = {
  emailSchema,
  chooseSideSchema,
  workspaceTimeZoneSchema,
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

/** Objects shaped a bit like our forms: known field names with hostile values. */
const formLike = fc.dictionary(
  fc.constantFrom(...FIELD_NAMES),
  fc.oneof(hostileValue, fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue)),
  { maxKeys: 12 },
);

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
    fc.assert(
      fc.property(fc.oneof(fc.anything(), formLike), (input) => expectStructured(schema, input)),
      { numRuns: 200 },
    );
  });
});

it('FormData with hostile names and values always becomes a plain object the schemas can judge', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...FIELD_NAMES, ...HOSTILE_FIELD_NAMES), fc.string()),
          hostileString,
        ),
        { maxLength: 30 },
      ),
      (entries) => {
        const data = new FormData();
        for (const [k, v] of entries) data.append(k, v);
        const object = formDataToObject(data);
        expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).x).toBeUndefined();
        expectStructured(inviteSchema, object);
      },
    ),
    { numRuns: 300 },
  );
});
