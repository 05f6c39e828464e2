import { formDataToObject } from '@/lib/forms-data';
import type { ProfileRow } from './queries';

/** The repeated sections of the profile form and the fields of one row. */
export const PROFILE_LISTS = {
  languages: ['language', 'level'],
  employment: ['company', 'title', 'from', 'to'],
  education: ['school', 'degree', 'startYear', 'endYear'],
} as const;

export type ProfileList = keyof typeof PROFILE_LISTS;

const isBlankRow = (row: unknown) =>
  !row ||
  typeof row !== 'object' ||
  Object.values(row).every((v) => typeof v !== 'string' || v.trim() === '');

/**
 * The form as the schema wants it. The form always offers an empty row to fill in; empty
 * rows are dropped, so errors ("employment.1.from") and echoed values use the same numbers.
 */
export function readProfileForm(formData: FormData): Record<string, unknown> {
  const raw = formDataToObject(formData);
  for (const list of Object.keys(PROFILE_LISTS) as ProfileList[]) {
    const rows = Array.isArray(raw[list]) ? (raw[list] as unknown[]) : [];
    raw[list] = rows.filter((row) => !isBlankRow(row));
  }
  return raw;
}

/** Back to flat field names ("employment.0.company") for echoing into the form. */
export function flattenProfileValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') values[key] = value;
    if (!Array.isArray(value)) continue;
    value.forEach((row, i) => {
      if (!row || typeof row !== 'object') return;
      for (const [field, v] of Object.entries(row)) {
        if (typeof v === 'string') values[`${key}.${i}.${field}`] = v;
      }
    });
    values[`${key}Rows`] = String(value.length);
  }
  return values;
}

const centsToDollars = (cents: number) =>
  cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

/** A saved profile in the form's own shape. */
export function profileFormDefaults(profile: ProfileRow | undefined): Record<string, string> {
  if (!profile) return {};
  return flattenProfileValues({
    title: profile.title ?? '',
    overview: profile.overview ?? '',
    hourlyRateCents:
      profile.hourlyRateCents === null ? '' : centsToDollars(profile.hourlyRateCents),
    skills: profile.skills.join(', '),
    portfolioLinks: profile.portfolioLinks.join('\n'),
    languages: profile.languages.map((l) => ({ language: l.language, level: l.level })),
    employment: profile.employment.map((j) => ({
      company: j.company,
      title: j.title,
      from: j.from,
      to: j.to ?? '',
    })),
    education: profile.education.map((e) => ({
      school: e.school,
      degree: e.degree ?? '',
      startYear: e.from == null ? '' : String(e.from),
      endYear: e.to == null ? '' : String(e.to),
    })),
  });
}
