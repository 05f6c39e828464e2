import { daysFromToday, fixedOfferInput, hourlyOfferInput } from '@/tests/helpers/invite-fixtures';
import { bulkRowSchema, earliestStartDate, inviteSchema, offerSchema } from './schemas';

const person = { email: 'alex@example.com', firstName: 'Alex', lastName: 'Rivera' };

/** Field path → messages, the shape the form shows next to each field. */
function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.map(String).join('.');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const invite = (overrides: Record<string, unknown> = {}) =>
  inviteSchema.safeParse({ ...person, offer: hourlyOfferInput(), ...overrides });

describe('email addresses', () => {
  it.each([
    ['a@evil.com＠victim.com', 'a full-width at sign'],
    ['a@b.com, c@d.com', 'two addresses'],
    ['"quoted"@example.com', 'a quoted local part'],
    ['a@b', 'a domain without a dot'],
    ['alex@exаmple.com', 'a Cyrillic "а" in the domain'],
    ['Alex <alex@example.com>', 'a display name'],
    ['alex@example.com\nbcc: x@y.com', 'a header injection'],
  ])('refuses %j (%s) with a sentence a person understands', (email) => {
    const result = invite({ email });
    expect(result.success).toBe(false);
    expect(errorsOf(result).email).toEqual(['Enter one email address, like name@example.com.']);
  });

  it('trims and lower-cases once, at the boundary', () => {
    const result = invite({ email: '  Alex.Rivera@Example.COM \t' });
    expect(result.success && result.data.email).toBe('alex.rivera@example.com');
    const row = bulkRowSchema.safeParse({ ...person, email: ' A@B.IO ' });
    expect(row.success && row.data.email).toBe('a@b.io');
  });

  it('asks for an address when it is missing or blank', () => {
    expect(errorsOf(invite({ email: '   ' })).email).toEqual(['Enter an email address.']);
    expect(errorsOf(invite({ email: undefined })).email).toEqual(['Enter an email address.']);
  });
});

describe('the personal message', () => {
  it('turns an empty or blank message into null', () => {
    for (const message of [undefined, '', '   \n ']) {
      const result = invite({ message });
      expect(result.success && result.data.message).toBeNull();
    }
  });

  it('keeps exactly 2,000 characters and refuses 2,001 and 10 MB', () => {
    const ok = invite({ message: 'x'.repeat(2000) });
    expect(ok.success && ok.data.message?.length).toBe(2000);
    for (const message of ['x'.repeat(2001), 'y'.repeat(10 * 1024 * 1024)]) {
      expect(errorsOf(invite({ message })).message).toEqual([
        'Keep the personal message to 2,000 characters or fewer.',
      ]);
    }
  });
});

describe('the hourly rate', () => {
  const rate = (hourlyRateDollars: unknown) =>
    offerSchema.safeParse(hourlyOfferInput({ hourlyRateDollars }));

  it.each([
    ['3', 300],
    ['$45.50', 4550],
    [' 999.99 ', 99_999],
    ['45.5', 4550],
  ])('accepts %j as %i cents', (input, cents) => {
    const result = rate(input);
    expect(result.success && result.data.kind === 'hourly' && result.data.hourlyRateCents).toBe(
      cents,
    );
  });

  it.each([
    ['$2.99', 'The hourly rate must be at least $3.00.'],
    ['0', 'The hourly rate must be at least $3.00.'],
    ['$1000', 'The hourly rate must be at most $999.99.'],
    ['999999999', 'The hourly rate must be at most $999.99.'],
    ['1e3', 'Enter the hourly rate as an amount in dollars, like 45 or 45.50.'],
    ['-5', 'Enter the hourly rate as an amount in dollars, like 45 or 45.50.'],
    ['abc', 'Enter the hourly rate as an amount in dollars, like 45 or 45.50.'],
    ['45.555', 'Enter the hourly rate as an amount in dollars, like 45 or 45.50.'],
    ['Infinity', 'Enter the hourly rate as an amount in dollars, like 45 or 45.50.'],
    ['', 'Enter the hourly rate.'],
  ])('refuses %j', (input, message) => {
    expect(errorsOf(rate(input)).hourlyRateDollars).toEqual([message]);
  });
});

describe('the weekly limit', () => {
  const limit = (weeklyLimit: unknown) => offerSchema.safeParse(hourlyOfferInput({ weeklyLimit }));

  it('accepts 1 and 80, and turns "" or "none" into no limit', () => {
    expect(limit('1').success && (limit('1').data as { weeklyLimit: number }).weeklyLimit).toBe(1);
    expect(limit('80').success && (limit('80').data as { weeklyLimit: number }).weeklyLimit).toBe(
      80,
    );
    for (const v of ['', 'none', '  ']) {
      const result = limit(v);
      expect(result.success && result.data.kind === 'hourly' && result.data.weeklyLimit).toBeNull();
    }
  });

  it.each(['0', '81', 'abc', '-1', '1.5', '1000'])('refuses %j', (v) => {
    expect(errorsOf(limit(v)).weeklyLimit).toEqual([
      'The weekly limit must be a whole number of hours from 1 to 80, or no limit.',
    ]);
  });
});

describe('money names say their unit', () => {
  it('reads dollars from the form and gives cents under a cents name', () => {
    const hourly = offerSchema.parse(hourlyOfferInput({ hourlyRateDollars: '45.50' }));
    expect(hourly).toMatchObject({ kind: 'hourly', hourlyRateCents: 4550 });
    expect(hourly).not.toHaveProperty('hourlyRateDollars');
    const fixed = offerSchema.parse(fixedOfferInput());
    expect(fixed.kind === 'fixed' && fixed.milestones.map((m) => m.amountCents)).toEqual([
      50_000, 125_000,
    ]);
    expect(fixed.kind === 'fixed' && fixed.milestones[0]).not.toHaveProperty('amountDollars');
  });
});

describe('milestones and dates', () => {
  const milestone = (i: number) => ({
    description: `Step ${i}`,
    amountDollars: '100',
    dueDate: daysFromToday(10 + i),
  });

  it('takes 1 to 10 milestones and refuses 11', () => {
    const ten = offerSchema.safeParse(
      fixedOfferInput({ milestones: Array.from({ length: 10 }, (_, i) => milestone(i)) }),
    );
    expect(ten.success && ten.data.kind === 'fixed' && ten.data.milestones).toHaveLength(10);
    const eleven = offerSchema.safeParse(
      fixedOfferInput({ milestones: Array.from({ length: 11 }, (_, i) => milestone(i)) }),
    );
    expect(errorsOf(eleven).milestones).toEqual(['A contract can have at most 10 milestones.']);
    expect(errorsOf(offerSchema.safeParse(fixedOfferInput({ milestones: [] }))).milestones).toEqual(
      ['Add at least one milestone.'],
    );
  });

  it('drops spare blank rows of the no-JavaScript form', () => {
    const blank = { description: ' ', amountDollars: '', dueDate: '' };
    const result = offerSchema.safeParse(
      fixedOfferInput({ milestones: [milestone(1), blank, blank] }),
    );
    expect(result.success && result.data.kind === 'fixed' && result.data.milestones).toHaveLength(
      1,
    );
  });

  it('refuses a milestone due before the start date on that milestone', () => {
    const result = offerSchema.safeParse(
      fixedOfferInput({
        startDate: daysFromToday(10),
        milestones: [
          milestone(5),
          { description: 'Early', amountDollars: '100', dueDate: daysFromToday(9) },
        ],
      }),
    );
    expect(errorsOf(result)).toEqual({
      'milestones.1.dueDate': ['The due date cannot be before the contract start date.'],
    });
    const nested = inviteSchema.safeParse({
      ...person,
      offer: fixedOfferInput({
        milestones: [{ description: 'Early', amountDollars: '100', dueDate: daysFromToday(1) }],
      }),
    });
    expect(Object.keys(errorsOf(nested))).toEqual(['offer.milestones.0.dueDate']);
  });

  it('refuses a start date in the past and a date that does not exist', () => {
    expect(
      errorsOf(offerSchema.safeParse(hourlyOfferInput({ startDate: daysFromToday(-2) }))).startDate,
    ).toEqual(['The start date must be today or later.']);
    expect(
      errorsOf(offerSchema.safeParse(hourlyOfferInput({ startDate: '2020-01-01' }))).startDate,
    ).toEqual(['The start date must be today or later.']);
    for (const startDate of ['2031-02-30', 'tomorrow', '01/02/2031']) {
      expect(errorsOf(offerSchema.safeParse(hourlyOfferInput({ startDate }))).startDate).toEqual([
        'Enter the start date as a date, like 2026-12-01.',
      ]);
    }
    expect(offerSchema.safeParse(hourlyOfferInput({ startDate: daysFromToday(0) })).success).toBe(
      true,
    );
  });

  it('treats "today" as today somewhere on Earth, never a date that is over everywhere', () => {
    // 13:00 UTC on 10 March: it is 10 March everywhere from UTC-12 to UTC+10, 11 March east of that.
    expect(earliestStartDate(new Date('2026-03-10T13:00:00Z'))).toBe('2026-03-10');
    // 05:00 UTC on 10 March: still 9 March west of UTC-5.
    expect(earliestStartDate(new Date('2026-03-10T05:00:00Z'))).toBe('2026-03-09');
  });
});

describe('text fields', () => {
  const script = '<script>alert(1)</script>';

  it('accepts HTML and script as plain text in every field, unchanged (escaping is the output’s job)', () => {
    const result = inviteSchema.safeParse({
      email: 'alex@example.com',
      firstName: script,
      lastName: `<b>${'Rivera'}</b>`,
      message: `${script} & <img src=x onerror=alert(1)>`,
      offer: fixedOfferInput({
        title: script,
        description: `<iframe src="https://evil.test"></iframe>`,
        milestones: [{ description: script, amountDollars: '100', dueDate: daysFromToday(14) }],
      }),
    });
    if (!result.success) throw new Error(JSON.stringify(result.error.issues));
    expect(result.data.firstName).toBe(script);
    expect(result.data.lastName).toBe('<b>Rivera</b>');
    expect(result.data.message).toBe(`${script} & <img src=x onerror=alert(1)>`);
    expect(result.data.offer.title).toBe(script);
    expect(result.data.offer.description).toBe(`<iframe src="https://evil.test"></iframe>`);
    expect(result.data.offer.kind === 'fixed' && result.data.offer.milestones[0].description).toBe(
      script,
    );
  });

  it('refuses control characters in names and over-long titles', () => {
    expect(errorsOf(invite({ firstName: 'Al\u0000ex' })).firstName).toEqual([
      "The first name contains characters we can't show.",
    ]);
    expect(
      errorsOf(offerSchema.safeParse(hourlyOfferInput({ title: 't'.repeat(121) }))).title,
    ).toEqual(['Keep the title to 120 characters or fewer.']);
  });
});

describe('every error at once', () => {
  it('returns an error for every bad field, not only the first', () => {
    const result = inviteSchema.safeParse({
      email: 'not-an-email',
      firstName: '',
      lastName: ' ',
      message: 'm'.repeat(2001),
      offer: hourlyOfferInput({
        title: '',
        startDate: '2020-01-01',
        hourlyRateDollars: '$1',
        weeklyLimit: '99',
      }),
    });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(
      [
        'email',
        'firstName',
        'lastName',
        'message',
        'offer.title',
        'offer.startDate',
        'offer.hourlyRateDollars',
        'offer.weeklyLimit',
      ].sort(),
    );
  });

  it('reports a bad title together with a milestone problem on a fixed offer', () => {
    const result = inviteSchema.safeParse({
      ...person,
      offer: fixedOfferInput({
        title: '',
        milestones: [
          { description: '', amountDollars: 'lots', dueDate: daysFromToday(14) },
          { description: 'Late', amountDollars: '100', dueDate: daysFromToday(3) },
        ],
      }),
    });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(
      [
        'offer.title',
        'offer.milestones.0.description',
        'offer.milestones.0.amountDollars',
        'offer.milestones.1.dueDate',
      ].sort(),
    );
  });

  it('asks to choose hourly or fixed when the kind is missing', () => {
    expect(errorsOf(invite({ offer: { title: 'x' } }))).toEqual({
      'offer.kind': ['Choose hourly or fixed price.'],
    });
  });
});

describe('bulk rows', () => {
  it('makes the rate optional and validates it when present', () => {
    const without = bulkRowSchema.safeParse({ ...person, rateDollars: '' });
    expect(without.success && without.data.rateCents).toBeUndefined();
    const withRate = bulkRowSchema.safeParse({ ...person, rateDollars: '$65' });
    expect(withRate.success && withRate.data).toEqual({ ...person, rateCents: 6500 });
    expect(errorsOf(bulkRowSchema.safeParse({ ...person, rateDollars: '2' })).rateDollars).toEqual([
      'The hourly rate must be at least $3.00.',
    ]);
    expect(errorsOf(bulkRowSchema.safeParse({ ...person, lastName: '' })).lastName).toEqual([
      "Enter the freelancer's last name.",
    ]);
  });
});
