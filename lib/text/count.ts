/** "1 invite", "2 invites", "0 days": a count with its noun (regular plurals only). */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
