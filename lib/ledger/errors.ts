export type LedgerErrorCode =
  /** The posting itself is malformed: fewer than two entries, not balanced, a bad amount. */
  | 'invalid'
  /** A debit would take a non-world account below zero. */
  | 'overdraft'
  /** The idempotency key was used before for a different posting. */
  | 'key-reused'
  /** The same source was already posted with this kind, under another key. */
  | 'source-already-posted';

export class LedgerError extends Error {
  constructor(
    public readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

export function isLedgerError(error: unknown, code?: LedgerErrorCode): error is LedgerError {
  return error instanceof LedgerError && (code === undefined || error.code === code);
}
