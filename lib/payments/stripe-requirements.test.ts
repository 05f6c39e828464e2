import {
  describeStripeRequirementErrors,
  describeStripeRequirements,
  OTHER_REQUIREMENT,
  stripeDisabledReason,
  stripeRequirementPhrase,
} from './stripe-requirements';

describe("Stripe's requirement names in words", () => {
  it.each([
    ['individual.dob.day', 'your date of birth'],
    ['individual.ssn_last_4', 'the last 4 digits of your Social Security number'],
    ['individual.id_number', 'your full Social Security number'],
    ['external_account', 'your bank account details'],
    ['tos_acceptance.date', "your acceptance of Stripe's terms"],
    ['individual.address.postal_code', 'your home address'],
    ['individual.verification.document', 'a photo of your government-issued ID'],
  ])('%s is "%s"', (name, phrase) => {
    expect(stripeRequirementPhrase(name)).toBe(phrase);
  });

  it('gives a name it does not know a generic phrase, never the code', () => {
    expect(stripeRequirementPhrase('company.tax_id')).toBe(OTHER_REQUIREMENT);
    expect(describeStripeRequirements(['settings.payments.statement_descriptor'])).not.toContain(
      'statement_descriptor',
    );
  });

  it('says each thing once, the generic phrase last', () => {
    expect(
      describeStripeRequirements([
        'individual.dob.day',
        'something.new',
        'individual.dob.month',
        'individual.address.line1',
        'individual.address.city',
        'other.thing',
      ]),
    ).toBe(`your date of birth, your home address, and ${OTHER_REQUIREMENT}`);
    expect(describeStripeRequirements(['external_account'])).toBe('your bank account details');
  });

  it('tells waiting from a refusal in the disabled reason', () => {
    expect(stripeDisabledReason('requirements.pending_verification')).toBe('verifying');
    expect(stripeDisabledReason('under_review')).toBe('verifying');
    expect(stripeDisabledReason('rejected.fraud')).toBe('rejected');
    expect(stripeDisabledReason('requirements.past_due')).toBe('stopped');
    expect(stripeDisabledReason(null)).toBe('stopped');
  });
});

describe('what Stripe refused in what it was given, in words', () => {
  it('says details that did not match official records, once per thing, never the codes', () => {
    const text = describeStripeRequirementErrors([
      { requirement: 'individual.id_number', code: 'verification_failed_keyed_identity' },
      { requirement: 'individual.dob.day', code: 'verification_failed_keyed_identity' },
      { requirement: 'individual.dob.year', code: 'verification_failed_keyed_identity' },
    ]);
    expect(text).toBe(
      'Stripe could not match your full Social Security number and your date of birth with official records; check them for mistakes.',
    );
  });

  it('says what it did not accept apart from what it could not verify, "it" for one thing', () => {
    expect(
      describeStripeRequirementErrors([
        { requirement: 'individual.address.line1', code: 'invalid_street_address' },
        {
          requirement: 'individual.address.postal_code',
          code: 'invalid_address_city_state_postal_code',
        },
        { requirement: 'individual.ssn_last_4', code: 'verification_failed_id_number_match' },
      ]),
    ).toBe(
      'Stripe could not match the last 4 digits of your Social Security number with official records; check it for mistakes. ' +
        'Stripe did not accept your home address as given; check it.',
    );
  });

  it('gives an unknown requirement the generic phrase, and nothing when nothing was refused', () => {
    const text = describeStripeRequirementErrors([
      { requirement: 'company.tax_id', code: 'invalid_value_other' },
    ]);
    expect(text).toBe(`Stripe did not accept ${OTHER_REQUIREMENT} as given; check it.`);
    expect(describeStripeRequirementErrors([])).toBeNull();
  });
});
