import fc from 'fast-check';
import {
  COMPLETENESS_PARTS,
  profileCompleteness,
  type ProfileForCompleteness,
} from './completeness';

const OVERVIEW = 'I design and build web apps for small clinics. '.repeat(3);

const empty: ProfileForCompleteness = {
  hasPhoto: false,
  overview: null,
  skills: [],
  employment: [],
  education: [],
  languages: [],
  portfolioLinks: [],
};

const complete: ProfileForCompleteness = {
  hasPhoto: true,
  overview: OVERVIEW,
  skills: ['React'],
  employment: [{ company: 'Acme' }, { company: 'Globex' }],
  education: [{ school: 'MIT' }],
  languages: [{ language: 'English', level: 'native' }],
  portfolioLinks: ['https://example.com/work'],
};

const weightOf = (key: string) => COMPLETENESS_PARTS.find((p) => p.key === key)?.weight;

describe('profileCompleteness', () => {
  it('weights the parts as specified: photo, overview, one job and one skill make half', () => {
    expect(COMPLETENESS_PARTS.map((p) => [p.key, p.weight])).toEqual([
      ['photo', 15],
      ['overview', 15],
      ['employment', 10],
      ['skills', 10],
      ['portfolio', 15],
      ['secondEmployment', 10],
      ['education', 15],
      ['languages', 10],
    ]);
  });

  it('is 0 with one tip per part for an empty profile', () => {
    const result = profileCompleteness(empty);
    expect(result.percent).toBe(0);
    expect(result.missing.map((m) => m.key)).toEqual(COMPLETENESS_PARTS.map((p) => p.key));
    expect(result.missing[0].tip).toMatch(
      /^Add a photo: a clear, friendly head-and-shoulders photo/,
    );
    expect(new Set(result.missing.map((m) => m.tip)).size).toBe(result.missing.length);
  });

  it('is 100 with nothing missing for a complete profile', () => {
    expect(profileCompleteness(complete)).toEqual({ percent: 100, missing: [] });
  });

  it('reaches 50 with the core four: photo, overview, one job, one skill', () => {
    const result = profileCompleteness({
      ...empty,
      hasPhoto: true,
      overview: OVERVIEW,
      employment: [{}],
      skills: ['Figma'],
    });
    expect(result.percent).toBe(50);
    expect(result.missing.map((m) => m.key)).toEqual([
      'portfolio',
      'secondEmployment',
      'education',
      'languages',
    ]);
  });

  it('counts a second job separately from the first', () => {
    const one = profileCompleteness({ ...complete, employment: [{}] });
    expect(one.percent).toBe(100 - weightOf('secondEmployment')!);
    expect(one.missing.map((m) => m.key)).toEqual(['secondEmployment']);
    const none = profileCompleteness({ ...complete, employment: [] });
    expect(none.percent).toBe(80);
    expect(none.missing.map((m) => m.key)).toEqual(['employment', 'secondEmployment']);
  });

  it('does not count an overview shorter than 100 characters, and says how much is left', () => {
    const result = profileCompleteness({ ...complete, overview: `  ${'x'.repeat(60)}  ` });
    expect(result.percent).toBe(85);
    expect(result.missing).toEqual([
      {
        key: 'overview',
        tip: expect.stringMatching(/^Add at least 40 more characters to your overview/),
      },
    ]);
    expect(profileCompleteness({ ...complete, overview: 'x'.repeat(100) }).percent).toBe(100);
  });

  it('does not count blank skills', () => {
    expect(profileCompleteness({ ...complete, skills: ['  '] }).missing.map((m) => m.key)).toEqual([
      'skills',
    ]);
  });

  it('is always a whole number from 0 to 100 that adds the weights of the parts present', () => {
    fc.assert(
      fc.property(
        fc.record({
          hasPhoto: fc.boolean(),
          overview: fc.option(fc.string({ maxLength: 150 }), { nil: null }),
          skills: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
          employment: fc.array(fc.constant({}), { maxLength: 3 }),
          education: fc.array(fc.constant({}), { maxLength: 2 }),
          languages: fc.array(fc.constant({}), { maxLength: 2 }),
          portfolioLinks: fc.array(fc.constant('https://example.com'), { maxLength: 2 }),
        }),
        (profile) => {
          const { percent, missing } = profileCompleteness(profile);
          expect(Number.isInteger(percent)).toBe(true);
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
          const missingWeight = missing.reduce((sum, m) => sum + weightOf(m.key)!, 0);
          expect(percent + missingWeight).toBe(100);
          expect(missing.some((m) => m.key === 'photo')).toBe(!profile.hasPhoto);
          expect(missing.some((m) => m.key === 'secondEmployment')).toBe(
            profile.employment.length < 2,
          );
        },
      ),
    );
  });
});
