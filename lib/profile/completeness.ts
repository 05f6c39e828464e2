import { MIN_OVERVIEW_LENGTH } from './schemas';

/** What the meter needs to know, whatever the profile is stored as. */
export type ProfileForCompleteness = {
  hasPhoto: boolean;
  overview: string | null | undefined;
  skills: readonly string[];
  employment: readonly unknown[];
  education: readonly unknown[];
  languages: readonly unknown[];
  portfolioLinks: readonly string[];
};

export type CompletenessKey =
  | 'photo'
  | 'overview'
  | 'employment'
  | 'skills'
  | 'portfolio'
  | 'secondEmployment'
  | 'education'
  | 'languages';

type Part = {
  key: CompletenessKey;
  weight: number;
  isDone: (profile: ProfileForCompleteness) => boolean;
  tip: (profile: ProfileForCompleteness) => string;
};

const overviewLength = (profile: ProfileForCompleteness) => profile.overview?.trim().length ?? 0;

/**
 * Photo, overview, one job and one skill make half the meter: they are what a client
 * reads first. In order of priority, which is also the order tips are shown in.
 */
export const COMPLETENESS_PARTS: readonly Part[] = [
  {
    key: 'photo',
    weight: 15,
    isDone: (p) => p.hasPhoto,
    tip: () =>
      'Add a photo: a clear, friendly head-and-shoulders photo with your face in good light (PNG or JPEG, up to 5 MB).',
  },
  {
    key: 'overview',
    weight: 15,
    isDone: (p) => overviewLength(p) >= MIN_OVERVIEW_LENGTH,
    tip: (p) => {
      const length = overviewLength(p);
      const what = 'what you do, who you do it for, and one result you are proud of';
      return length === 0
        ? `Write an overview of at least ${MIN_OVERVIEW_LENGTH} characters: ${what}.`
        : `Add at least ${MIN_OVERVIEW_LENGTH - length} more characters to your overview: ${what}.`;
    },
  },
  {
    key: 'employment',
    weight: 10,
    isDone: (p) => p.employment.length >= 1,
    tip: () => 'Add your current or most recent job: the company, your title and when you started.',
  },
  {
    key: 'skills',
    weight: 10,
    isDone: (p) => p.skills.some((s) => s.trim() !== ''),
    tip: () =>
      'Add the skills clients search for, such as a tool, a language or a specialty (up to 15).',
  },
  {
    key: 'portfolio',
    weight: 15,
    isDone: (p) => p.portfolioLinks.length >= 1,
    tip: () => 'Link to work you are proud of: a case study, a live site or a public repository.',
  },
  {
    key: 'secondEmployment',
    weight: 10,
    isDone: (p) => p.employment.length >= 2,
    tip: () =>
      'Add an earlier job as well, so clients see the experience behind your current work.',
  },
  {
    key: 'education',
    weight: 15,
    isDone: (p) => p.education.length >= 1,
    tip: () => 'Add your education: a degree, a school or a course that taught you your trade.',
  },
  {
    key: 'languages',
    weight: 10,
    isDone: (p) => p.languages.length >= 1,
    tip: () => 'Add the languages you work in and your level in each, such as English, fluent.',
  },
];

export type Completeness = {
  /** 0–100, a whole number: the weights of the parts that are done. */
  percent: number;
  missing: { key: CompletenessKey; tip: string }[];
};

export function profileCompleteness(profile: ProfileForCompleteness): Completeness {
  let percent = 0;
  const missing: Completeness['missing'] = [];
  for (const part of COMPLETENESS_PARTS) {
    if (part.isDone(profile)) percent += part.weight;
    else missing.push({ key: part.key, tip: part.tip(profile) });
  }
  return { percent, missing };
}
