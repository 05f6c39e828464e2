/**
 * Payment protection (SPEC 4.C): an entry is covered when it is tracked by the timer, has a
 * memo and lies within the weekly limit. Otherwise the badge says why, every reason at once.
 */
export type CoverageReason = 'running' | 'manual' | 'no-memo' | 'over-limit' | 'partly-over-limit';

export type Coverage = { covered: true } | { covered: false; reasons: CoverageReason[] };

export function coverageOf(entry: {
  kind: 'tracked' | 'manual';
  memo: string;
  running: boolean;
  minutes: number;
  billableMinutes: number;
}): Coverage {
  if (entry.running) return { covered: false, reasons: ['running'] };
  const reasons: CoverageReason[] = [];
  if (entry.kind === 'manual') reasons.push('manual');
  if (entry.memo.trim() === '') reasons.push('no-memo');
  if (entry.billableMinutes === 0) reasons.push('over-limit');
  else if (entry.billableMinutes < entry.minutes) reasons.push('partly-over-limit');
  return reasons.length === 0 ? { covered: true } : { covered: false, reasons };
}

export const COVERAGE_REASON_TEXT: Record<CoverageReason, string> = {
  running: 'the timer is still running',
  manual: 'manual time is not covered',
  'no-memo': 'it has no memo',
  'over-limit': 'it is over the weekly limit, not billed',
  'partly-over-limit': 'part of it is over the weekly limit, not billed',
};

/** "Covered by payment protection", or "Not covered: manual time is not covered; it has no memo". */
export function coverageText(coverage: Coverage): string {
  if (coverage.covered) return 'Covered by payment protection';
  return `Not covered: ${coverage.reasons.map((r) => COVERAGE_REASON_TEXT[r]).join('; ')}`;
}
