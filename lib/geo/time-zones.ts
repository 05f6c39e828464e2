/**
 * IANA time zones the runtime knows, plus 'UTC' (which Intl leaves out of its list).
 * Engines disagree on names: Node lists 'Asia/Calcutta' while Firefox and Safari report
 * 'Asia/Kolkata' for the same place. So a submitted zone is resolved through Intl, which
 * maps an alias to the listed name, and stored as that entry so a <select> preselects it.
 */
export const TIME_ZONES: string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];

const LISTED = new Set(TIME_ZONES);

function resolveTimeZone(tz: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The TIME_ZONES entry for a zone name or one of its aliases ('Asia/Kolkata',
 * 'Etc/UTC'); undefined for anything else, including raw offsets like '+05:30'.
 */
export function canonicalTimeZone(tz: string): string | undefined {
  if (LISTED.has(tz)) return tz;
  const resolved = resolveTimeZone(tz);
  return resolved !== undefined && LISTED.has(resolved) ? resolved : undefined;
}

export function isTimeZone(tz: string): boolean {
  return canonicalTimeZone(tz) !== undefined;
}

/** 'America/Argentina/Buenos_Aires' → 'America / Argentina / Buenos Aires'. */
export function timeZoneLabel(tz: string): string {
  return tz.replaceAll('_', ' ').split('/').join(' / ');
}
