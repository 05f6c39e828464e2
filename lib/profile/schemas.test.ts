import fc from 'fast-check';
import { collectFieldErrors } from '@/lib/forms';
import {
  educationEntrySchema,
  employmentEntrySchema,
  hourlyRateSchema,
  languagesSchema,
  overviewSchema,
  parseDollarsToCents,
  portfolioLinksSchema,
  profileSchema,
  skillsSchema,
  titleSchema,
} from './schemas';

const messagesOf = (
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } };
  },
  value: unknown,
) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => i.message);
};

const OVERVIEW =
  'I design and build booking systems for small clinics, from first sketch to launch. '.repeat(2);
const thisYear = new Date().getFullYear();

describe('title and overview', () => {
  it('takes a title up to 70 characters', () => {
    expect(titleSchema.parse('  Full-stack developer ')).toBe('Full-stack developer');
    expect(titleSchema.safeParse('x'.repeat(70)).success).toBe(true);
    expect(messagesOf(titleSchema, 'x'.repeat(71))).toEqual([
      'Keep the title to 70 characters or fewer.',
    ]);
    expect(messagesOf(titleSchema, '   ')).toEqual([
      expect.stringContaining('Add a professional title'),
    ]);
  });

  it('needs 100 to 5,000 characters of overview and says how many there are', () => {
    expect(overviewSchema.safeParse('x'.repeat(100)).success).toBe(true);
    expect(overviewSchema.safeParse('x'.repeat(5000)).success).toBe(true);
    expect(messagesOf(overviewSchema, `  ${'x'.repeat(99)}  `)).toEqual([
      'Write at least 100 characters; the overview has 99 so far.',
    ]);
    expect(messagesOf(overviewSchema, 'x'.repeat(5001))).toEqual([
      'Keep the overview to 5,000 characters; it has 5,001.',
    ]);
    expect(messagesOf(overviewSchema, '')).toEqual([
      'Write an overview of at least 100 characters.',
    ]);
  });
});

describe('hourly rate', () => {
  it.each([
    ['45', 4500],
    ['45.5', 4550],
    ['45.50', 4550],
    ['$45.50', 4550],
    [' 3 ', 300],
    ['999.99', 99999],
    ['0.29', 29],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseDollarsToCents(text)).toBe(cents);
  });

  it.each(['', 'forty', '45,50', '45.555', '-5', '1e3', '4 5'])('does not read %j', (text) => {
    expect(parseDollarsToCents(text)).toBeNull();
  });

  it('agrees with exact decimal arithmetic for every amount in cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(parseDollarsToCents(text)).toBe(cents);
      }),
    );
  });

  it('keeps the rate between $3.00 and $999.99', () => {
    expect(hourlyRateSchema.parse('3')).toBe(300);
    expect(hourlyRateSchema.parse('999.99')).toBe(99999);
    expect(messagesOf(hourlyRateSchema, '2.99')).toEqual([
      'The hourly rate must be at least $3.00.',
    ]);
    expect(messagesOf(hourlyRateSchema, '1000')).toEqual([
      'The hourly rate can be at most $999.99.',
    ]);
    expect(messagesOf(hourlyRateSchema, 'abc')).toEqual([
      'Enter the rate as a number of dollars, like 45 or 45.50.',
    ]);
    expect(messagesOf(hourlyRateSchema, '')).toEqual([
      'Enter your hourly rate in US dollars, like 45 or 45.50.',
    ]);
  });
});

describe('skills', () => {
  it('takes a comma-separated field or repeated values, trimmed and without blanks', () => {
    expect(skillsSchema.parse(' React, Node.js ,, TypeScript\nSQL')).toEqual([
      'React',
      'Node.js',
      'TypeScript',
      'SQL',
    ]);
    expect(skillsSchema.parse(['Figma', ' ', 'Copywriting'])).toEqual(['Figma', 'Copywriting']);
  });

  it('needs 1 to 15 skills', () => {
    expect(messagesOf(skillsSchema, '')).toEqual([
      expect.stringContaining('Add at least one skill'),
    ]);
    expect(messagesOf(skillsSchema, undefined)).toEqual([
      expect.stringContaining('Add at least one skill'),
    ]);
    const fifteen = Array.from({ length: 15 }, (_, i) => `Skill ${i}`);
    expect(skillsSchema.parse(fifteen)).toHaveLength(15);
    expect(messagesOf(skillsSchema, [...fifteen, 'One more'])).toEqual([
      'List up to 15 skills; you have 16. Keep the ones clients search for most.',
    ]);
  });

  it('refuses a skill over 40 characters and a repeat in any case, with one message', () => {
    expect(messagesOf(skillsSchema, ['x'.repeat(41)])).toEqual([
      expect.stringContaining('40 characters'),
    ]);
    expect(skillsSchema.safeParse(['x'.repeat(40)]).success).toBe(true);
    expect(messagesOf(skillsSchema, 'React, Vue, react')).toEqual([
      '"react" is listed twice; keep each skill once.',
    ]);
  });
});

describe('languages', () => {
  it('takes each language once with a level', () => {
    expect(
      languagesSchema.parse([
        { language: ' English ', level: 'native' },
        { language: 'Spanish', level: 'conversational' },
      ]),
    ).toEqual([
      { language: 'English', level: 'native' },
      { language: 'Spanish', level: 'conversational' },
    ]);
    expect(messagesOf(languagesSchema, [{ language: 'English', level: 'expert' }])).toEqual([
      'Choose your level: basic, conversational, fluent or native.',
    ]);
    expect(
      messagesOf(languagesSchema, [
        { language: 'English', level: 'basic' },
        { language: 'english', level: 'fluent' },
      ]),
    ).toEqual(['english is listed twice; keep it once with your level.']);
  });
});

describe('employment entries', () => {
  it('takes company, title, a start month and an optional end month', () => {
    expect(
      employmentEntrySchema.parse({ company: 'Acme', title: 'Designer', from: '2019-03', to: '' }),
    ).toEqual({
      company: 'Acme',
      title: 'Designer',
      from: '2019-03',
      to: undefined,
    });
    expect(
      employmentEntrySchema.parse({
        company: 'Acme',
        title: 'Designer',
        from: '2019-03-15',
        to: '2021-01',
      }),
    ).toMatchObject({
      from: '2019-03',
      to: '2021-01',
    });
  });

  it('refuses an end before the start, a future start and a made-up month', () => {
    const errors = (value: object) => {
      const result = employmentEntrySchema.safeParse(value);
      return result.success ? {} : collectFieldErrors(result.error);
    };
    expect(errors({ company: 'Acme', title: 'Designer', from: '2020-05', to: '2020-04' })).toEqual({
      to: ['The end month must be the same as or after the start month.'],
    });
    expect(errors({ company: 'Acme', title: 'Designer', from: `${thisYear + 1}-01` })).toEqual({
      from: ['The start month cannot be in the future.'],
    });
    expect(errors({ company: '', title: '', from: '2020-13', to: '2019-01' })).toEqual({
      company: ['Enter the company or client name.'],
      title: ['Enter your job title.'],
      from: ['Choose the month you started.'],
    });
  });
});

describe('education entries', () => {
  it('coerces years from form text and leaves the degree and end year optional', () => {
    expect(
      educationEntrySchema.parse({ school: 'MIT', degree: '', startYear: '2015', endYear: '' }),
    ).toEqual({
      school: 'MIT',
      degree: undefined,
      startYear: 2015,
      endYear: undefined,
    });
    expect(
      educationEntrySchema.parse({
        school: 'MIT',
        degree: 'BSc',
        startYear: '2015',
        endYear: '2019',
      }),
    ).toMatchObject({
      endYear: 2019,
    });
  });

  it('refuses impossible years with one message each', () => {
    const errors = (value: object) => {
      const result = educationEntrySchema.safeParse(value);
      return result.success ? {} : collectFieldErrors(result.error);
    };
    expect(errors({ school: 'MIT', startYear: '2019', endYear: '2015' })).toEqual({
      endYear: ['The end year must be the same as or after the start year.'],
    });
    expect(errors({ school: 'MIT', startYear: '' })).toEqual({
      startYear: ['Enter the year you started, like 2015.'],
    });
    expect(errors({ school: 'MIT', startYear: 'abc', endYear: '1900' })).toEqual({
      startYear: ['Enter the year you started, like 2015.'],
      endYear: ['Enter the year you finished, like 2019, or leave it empty.'],
    });
    expect(errors({ school: 'MIT', startYear: String(thisYear + 1) })).toEqual({
      startYear: ['The start year cannot be in the future.'],
    });
  });
});

describe('portfolio links', () => {
  it('takes up to 10 https links, one per line or as a list', () => {
    expect(portfolioLinksSchema.parse('https://example.com/a\n https://dribbble.com/ana ')).toEqual(
      ['https://example.com/a', 'https://dribbble.com/ana'],
    );
    const ten = Array.from({ length: 10 }, (_, i) => `https://example.com/${i}`);
    expect(portfolioLinksSchema.parse(ten)).toHaveLength(10);
    expect(messagesOf(portfolioLinksSchema, [...ten, 'https://example.com/10'])).toEqual([
      'Add up to 10 links; you have 11. Keep your strongest work.',
    ]);
  });

  it.each([
    ['http://example.com', 'Use https:// links only; "http://example.com" is not one.'],
    ['javascript:alert(1)', 'Use https:// links only; "javascript:alert(1)" is not one.'],
    ['example.com/work', expect.stringContaining("isn't a full link")],
    ['https://user:secret@example.com', 'Remove the user name or password from the link.'],
    ['https://localhost/x', '"localhost" isn\'t a public web address.'],
    ['https://127.0.0.1/x', '"127.0.0.1" isn\'t a public web address.'],
  ])('refuses %j', (link, message) => {
    expect(messagesOf(portfolioLinksSchema, [link])).toEqual([message]);
  });

  it('refuses a repeated link', () => {
    expect(messagesOf(portfolioLinksSchema, ['https://a.example', 'https://a.example'])).toEqual([
      'https://a.example is listed twice.',
    ]);
  });
});

describe('profileSchema', () => {
  it('parses a whole profile and returns every failing field', () => {
    expect(
      profileSchema.parse({
        title: 'Designer',
        overview: OVERVIEW,
        hourlyRateCents: '45.50',
        skills: 'Figma',
      }),
    ).toEqual({
      title: 'Designer',
      overview: OVERVIEW.trim(),
      hourlyRateCents: 4550,
      skills: ['Figma'],
      languages: [],
      employment: [],
      education: [],
      portfolioLinks: [],
    });
    const result = profileSchema.safeParse({
      title: '',
      overview: 'short',
      hourlyRateCents: '1',
      skills: '',
    });
    expect(result.success).toBe(false);
    expect(Object.keys(collectFieldErrors(result.error!)).sort()).toEqual([
      'hourlyRateCents',
      'overview',
      'skills',
      'title',
    ]);
  });
});
