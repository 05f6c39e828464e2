import { z } from 'zod';
import type { FileType } from '@/lib/files/sniff';

/** The photo is a file upload, checked with checkUpload() by content. */
export const PROFILE_PHOTO: { allowed: readonly FileType[]; maxBytes: number } = {
  allowed: ['png', 'jpeg'],
  maxBytes: 5 * 1024 * 1024,
};

export const MIN_HOURLY_RATE_CENTS = 300;
export const MAX_HOURLY_RATE_CENTS = 99_999;
export const MIN_OVERVIEW_LENGTH = 100;
export const MAX_OVERVIEW_LENGTH = 5000;
export const MAX_SKILLS = 15;
export const MAX_PORTFOLIO_LINKS = 10;

export const languageLevels = ['basic', 'conversational', 'fluent', 'native'] as const;

/** "45", "45.5", "45.50" or "$45.50" as whole cents, without floating-point rounding. */
export function parseDollarsToCents(text: string): number | null {
  const match = /^\$?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const requiredText = (message: string, max: number, tooLong: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong);

/** Blank (or absent) means "not given". */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A list typed into one field ("React, Node.js") or sent as repeated fields. */
const textList = (separator: RegExp) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(separator) : (value ?? [])),
    z.array(z.string()).transform((items) => items.map((s) => s.trim()).filter(Boolean)),
  );

/** Cross-field rules run only once the fields they compare are valid on their own. */
const whenValid =
  (...fields: string[]) =>
  (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

/** The first case-insensitive repeat in a list, as first written. */
function firstDuplicate(items: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    const key = item.toLowerCase();
    if (seen.has(key)) return item;
    seen.add(key);
  }
  return undefined;
}

export const titleSchema = requiredText(
  'Add a professional title, like "Full-stack developer" or "Brand designer".',
  70,
  'Keep the title to 70 characters or fewer.',
);

export const overviewSchema = z
  .string({ error: 'Write an overview of at least 100 characters.' })
  .trim()
  .superRefine((text, ctx) => {
    if (text.length < MIN_OVERVIEW_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message:
          text.length === 0
            ? 'Write an overview of at least 100 characters.'
            : `Write at least 100 characters; the overview has ${text.length} so far.`,
      });
    } else if (text.length > MAX_OVERVIEW_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `Keep the overview to 5,000 characters; it has ${text.length.toLocaleString('en-US')}.`,
      });
    }
  });

export const hourlyRateSchema = z
  .string({ error: 'Enter your hourly rate in US dollars, like 45 or 45.50.' })
  .transform((text, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (text.trim() === '') return fail('Enter your hourly rate in US dollars, like 45 or 45.50.');
    const cents = parseDollarsToCents(text);
    if (cents === null) return fail('Enter the rate as a number of dollars, like 45 or 45.50.');
    if (cents < MIN_HOURLY_RATE_CENTS) return fail('The hourly rate must be at least $3.00.');
    if (cents > MAX_HOURLY_RATE_CENTS) return fail('The hourly rate can be at most $999.99.');
    return cents;
  });

export const skillsSchema = textList(/[,\n]/).superRefine((skills, ctx) => {
  const tooLong = skills.find((s) => s.length > 40);
  const duplicate = firstDuplicate(skills);
  const message =
    skills.length === 0
      ? 'Add at least one skill, like "React" or "Copywriting".'
      : skills.length > MAX_SKILLS
        ? `List up to 15 skills; you have ${skills.length}. Keep the ones clients search for most.`
        : tooLong
          ? `Keep each skill to 40 characters; "${tooLong.slice(0, 40)}…" is longer.`
          : duplicate
            ? `"${duplicate}" is listed twice; keep each skill once.`
            : undefined;
  if (message) ctx.addIssue({ code: 'custom', message });
});

export const languageSchema = z.object({
  language: requiredText('Enter the language.', 50, 'Keep the language name to 50 characters.'),
  level: z.enum(languageLevels, {
    error: 'Choose your level: basic, conversational, fluent or native.',
  }),
});

export const languagesSchema = z
  .array(languageSchema)
  .max(20, 'List up to 20 languages.')
  .superRefine((languages, ctx) => {
    const duplicate = firstDuplicate(languages.map((l) => l.language));
    if (duplicate) {
      ctx.addIssue({
        code: 'custom',
        message: `${duplicate} is listed twice; keep it once with your level.`,
      });
    }
  });

/** <input type="month"> sends "2021-03"; a full date is cut to its month. */
const month = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, message)
    .transform((v) => v.slice(0, 7));

const currentMonth = () => new Date().toISOString().slice(0, 7);

export const employmentEntrySchema = z
  .object({
    company: requiredText(
      'Enter the company or client name.',
      100,
      'Keep the company name to 100 characters.',
    ),
    title: requiredText('Enter your job title.', 100, 'Keep the job title to 100 characters.'),
    from: month('Choose the month you started.').refine(
      (v) => v <= currentMonth(),
      'The start month cannot be in the future.',
    ),
    to: z.preprocess(
      blankToUndefined,
      month('Choose the month you left, or leave it empty if you still work there.')
        .refine(
          (v) => v <= currentMonth(),
          'The end month cannot be in the future; leave it empty if you still work there.',
        )
        .optional(),
    ),
  })
  .refine((job) => !job.to || job.to >= job.from, {
    path: ['to'],
    message: 'The end month must be the same as or after the start month.',
    when: whenValid('from', 'to'),
  });

const year = (message: string) =>
  z.coerce.number({ error: message }).int(message).min(1950, message);

export const educationEntrySchema = z
  .object({
    school: requiredText(
      'Enter the school, university or course provider.',
      100,
      'Keep the school name to 100 characters.',
    ),
    degree: z.preprocess(
      blankToUndefined,
      z.string().trim().max(100, 'Keep the degree to 100 characters.').optional(),
    ),
    startYear: z.preprocess(
      blankToUndefined,
      year('Enter the year you started, like 2015.').refine(
        (y) => y <= new Date().getFullYear(),
        'The start year cannot be in the future.',
      ),
    ),
    // Blank while still studying; an expected graduation may be a few years ahead.
    endYear: z.preprocess(
      blankToUndefined,
      year('Enter the year you finished, like 2019, or leave it empty.')
        .refine((y) => y <= new Date().getFullYear() + 7, 'The end year is too far in the future.')
        .optional(),
    ),
  })
  .refine((e) => e.endYear === undefined || e.endYear >= e.startYear, {
    path: ['endYear'],
    message: 'The end year must be the same as or after the start year.',
    when: whenValid('startYear', 'endYear'),
  });

/** Only public https pages: no http, no credentials in the link, a real domain name. */
export function portfolioLinkProblem(link: string): string | null {
  if (!URL.canParse(link))
    return `"${link}" isn't a full link; start it with https://, like https://example.com/work.`;
  const url = new URL(link);
  if (url.protocol !== 'https:') return `Use https:// links only; "${link}" is not one.`;
  if (url.username || url.password) return 'Remove the user name or password from the link.';
  if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(url.hostname)) {
    return `"${url.hostname}" isn't a public web address.`;
  }
  return null;
}

export const portfolioLinksSchema = textList(/\s+/).superRefine((links, ctx) => {
  const tooMany = links.length > MAX_PORTFOLIO_LINKS;
  const problem = links.map(portfolioLinkProblem).find(Boolean);
  const duplicate = firstDuplicate(links);
  const message = tooMany
    ? `Add up to 10 links; you have ${links.length}. Keep your strongest work.`
    : (problem ?? (duplicate ? `${duplicate} is listed twice.` : undefined));
  if (message) ctx.addIssue({ code: 'custom', message });
});

/** The whole profile form; the action assembles the repeated sections into arrays. */
export const profileSchema = z.object({
  title: titleSchema,
  overview: overviewSchema,
  hourlyRateCents: hourlyRateSchema,
  skills: skillsSchema,
  languages: languagesSchema.default([]),
  employment: z.array(employmentEntrySchema).max(20, 'List up to 20 jobs.').default([]),
  education: z.array(educationEntrySchema).max(10, 'List up to 10 schools or courses.').default([]),
  portfolioLinks: portfolioLinksSchema,
});

export type ProfileInput = z.infer<typeof profileSchema>;
export type LanguageLevel = (typeof languageLevels)[number];
