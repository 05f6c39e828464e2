const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value is a uuid (any case). Ids from URLs and forms are checked with it before
 * they reach a query, so a malformed one is "not found" rather than a database error.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
