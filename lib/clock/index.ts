/** The one clock every time-dependent rule reads, so a test can move it. */
export function now(): Date {
  return new Date();
}
