import type { Db, DbOrTx } from '@/db/client';
import { fileStorage } from '@/lib/files/storage';
import { enqueuePayeeSync } from '@/lib/payments/payee-sync-queue';
import { profileCompleteness, type Completeness } from './completeness';
import { checkProfilePhoto, type PhotoProblem } from './photo';
import {
  findNames,
  findProfile,
  insertProfileIfAbsent,
  updateProfile,
  type ProfileRow,
} from './queries';
import type { ProfileInput } from './schemas';
import { profileSlug } from './slug';
import type { AvailabilityInput } from './availability';
import type { VisibilityInput } from './visibility';

/** The input is parsed by the action, so saving cannot be refused. */
export type ProfileResult = { ok: true };

const SLUG_ATTEMPTS = 5;

/** The profile row, created on first write with a fresh unique slug. */
export async function ensureProfile(db: DbOrTx, userId: string): Promise<ProfileRow> {
  const existing = await findProfile(db, userId);
  if (existing) return existing;
  const names = await findNames(db, userId);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const created = await insertProfileIfAbsent(
      db,
      userId,
      profileSlug(names?.firstName, names?.lastName),
    );
    if (created) return created;
    // Either another request created this user's row, or the slug was taken: look, then retry.
    const raced = await findProfile(db, userId);
    if (raced) return raced;
  }
  throw new Error('Could not find a free profile address after several tries.');
}

function columnsFor(input: ProfileInput) {
  return {
    title: input.title,
    overview: input.overview,
    hourlyRateCents: input.hourlyRateCents,
    skills: input.skills,
    languages: input.languages,
    employment: input.employment.map((j) => ({
      company: j.company,
      title: j.title,
      from: j.from,
      to: j.to ?? null,
    })),
    education: input.education.map((e) => ({
      school: e.school,
      degree: e.degree ?? null,
      from: e.startYear,
      to: e.endYear ?? null,
    })),
    portfolioLinks: input.portfolioLinks,
  };
}

/**
 * Saves the profile form. Text is stored as typed; pages escape it when they show it. The
 * title and the public address are what a payee provider is told the freelancer does
 * (Stripe's business profile), so the save enqueues the payee sync, as tax information does.
 */
export async function saveProfile(
  db: Db,
  userId: string,
  input: ProfileInput,
): Promise<ProfileResult> {
  await db.transaction(async (tx) => {
    await ensureProfile(tx, userId);
    await updateProfile(tx, userId, columnsFor(input));
    await enqueuePayeeSync(tx, userId);
  });
  return { ok: true };
}

/** Public or private: a public profile's address is the business profile's URL at Stripe. */
export async function setProfileVisibility(
  db: Db,
  userId: string,
  input: VisibilityInput,
): Promise<ProfileResult> {
  await db.transaction(async (tx) => {
    await ensureProfile(tx, userId);
    await updateProfile(tx, userId, { visibility: input.visibility });
    await enqueuePayeeSync(tx, userId);
  });
  return { ok: true };
}

/** Availability for new work, set from the Find Work menu and shown on the profile. */
export async function setProfileAvailability(
  db: Db,
  userId: string,
  input: AvailabilityInput,
): Promise<ProfileResult> {
  await db.transaction(async (tx) => {
    await ensureProfile(tx, userId);
    await updateProfile(tx, userId, { availability: input.availability });
  });
  return { ok: true };
}

export type PhotoResult = { ok: true } | { ok: false; problem: PhotoProblem; message: string };

/** Checks the photo by content, stores it privately, and drops the one it replaces. */
export async function uploadProfilePhoto(
  db: Db,
  userId: string,
  file: { bytes: Uint8Array; fileName: string },
): Promise<PhotoResult> {
  const check = await checkProfilePhoto(file.bytes, file.fileName);
  if (!check.ok) return check;
  await db.transaction(async (tx) => {
    const profile = await ensureProfile(tx, userId);
    const stored = await fileStorage.put(tx, {
      ownerId: userId,
      purpose: 'profile-photo',
      fileName: check.safeName,
      mimeType: check.mime,
      bytes: file.bytes,
    });
    await updateProfile(tx, userId, { photoFileId: stored.id });
    if (profile.photoFileId) await fileStorage.remove(tx, profile.photoFileId, userId);
  });
  return { ok: true };
}

export async function removeProfilePhoto(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const profile = await findProfile(tx, userId);
    if (!profile?.photoFileId) return;
    await updateProfile(tx, userId, { photoFileId: null });
    await fileStorage.remove(tx, profile.photoFileId, userId);
  });
}

export function completenessOf(profile: ProfileRow | undefined): Completeness {
  return profileCompleteness({
    hasPhoto: Boolean(profile?.photoFileId),
    overview: profile?.overview,
    skills: profile?.skills ?? [],
    employment: profile?.employment ?? [],
    education: profile?.education ?? [],
    languages: profile?.languages ?? [],
    portfolioLinks: profile?.portfolioLinks ?? [],
  });
}

/** What the profile settings pages show: the row (if any) and the meter. */
export async function getProfileSettings(db: DbOrTx, userId: string) {
  const profile = await findProfile(db, userId);
  return {
    profile,
    completeness: completenessOf(profile),
    publicPath: profile ? `/freelancers/${profile.slug}` : null,
  };
}
