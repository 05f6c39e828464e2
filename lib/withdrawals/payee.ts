import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { freelancerProfiles, profiles, taxProfiles, users } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/encryption';
import { getEnv } from '@/lib/env';
import { dateOfBirthParts } from '@/lib/tax/validation';
import type { Payee } from '@/lib/payments/payouts';

/**
 * Who a provider pays, for one that opens a payee in the person's name (Stripe Connect).
 * The SSN and the date of birth stay encrypted in their closures until the provider's
 * request calls them; nothing else here is secret. The SSN is the W-9's taxpayer id when
 * that is an SSN, and the person's own SSN given beside an EIN otherwise (Stripe opens an
 * individual's account, which an EIN does not identify).
 */
export async function payeeOf(db: Db, freelancerId: string): Promise<Payee> {
  const [row] = await db
    .select({
      email: users.email,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
      phone: freelancerProfiles.phone,
      termsAcceptedAt: freelancerProfiles.termsAcceptedAt,
      termsAcceptedIp: freelancerProfiles.termsAcceptedIp,
      taxKind: taxProfiles.kind,
      tinType: taxProfiles.tinType,
      taxIdEncrypted: taxProfiles.taxIdEncrypted,
      dateOfBirthEncrypted: taxProfiles.dateOfBirthEncrypted,
      payoutSsnEncrypted: taxProfiles.payoutSsnEncrypted,
      addressLine1: taxProfiles.addressLine1,
      addressLine2: taxProfiles.addressLine2,
      city: taxProfiles.city,
      region: taxProfiles.region,
      postalCode: taxProfiles.postalCode,
      slug: profiles.slug,
      title: profiles.title,
      visibility: profiles.visibility,
    })
    .from(users)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .leftJoin(taxProfiles, eq(taxProfiles.userId, users.id))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, freelancerId));
  if (!row) throw new Error('No such freelancer');
  const isW9 = row.taxKind === 'us';
  const w9Ssn = row.tinType === 'ssn' ? row.taxIdEncrypted : row.payoutSsnEncrypted;
  const encryptedSsn = isW9 ? w9Ssn : null;
  const encryptedDob = isW9 ? row.dateOfBirthEncrypted : null;
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    usAddress:
      isW9 && row.addressLine1 && row.city && row.region && row.postalCode
        ? {
            line1: row.addressLine1,
            line2: row.addressLine2,
            city: row.city,
            state: row.region,
            postalCode: row.postalCode,
          }
        : null,
    revealSsn: encryptedSsn ? () => decryptSecret(encryptedSsn) : null,
    revealDateOfBirth: encryptedDob ? () => dateOfBirthParts(decryptSecret(encryptedDob)) : null,
    profile: {
      title: row.title,
      publicUrl:
        row.slug && row.visibility === 'public'
          ? new URL(`/freelancers/${row.slug}`, getEnv().APP_URL).toString()
          : null,
    },
    termsAccepted:
      row.termsAcceptedAt && row.termsAcceptedIp
        ? { at: row.termsAcceptedAt, ip: row.termsAcceptedIp }
        : null,
  };
}
