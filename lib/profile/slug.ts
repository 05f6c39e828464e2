import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: a suffix read aloud or copied by hand stays unambiguous.
const SUFFIX_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function slugPart(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
}

export function randomSuffix(length = 6): string {
  return Array.from({ length }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join('');
}

/**
 * "alex-k-7f3k2q": first name, last initial and a random suffix, so the address does not
 * spell out the full name and cannot be guessed from it.
 */
export function profileSlug(
  firstName: string | null | undefined,
  lastName: string | null | undefined,
  suffix = randomSuffix(),
): string {
  const first = slugPart(firstName) || 'freelancer';
  const initial = slugPart(lastName).slice(0, 1);
  return [first, initial, suffix].filter(Boolean).join('-');
}

export function isSlug(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,59}$/.test(value);
}
