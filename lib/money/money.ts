/** Money is integer cents with a currency code, everywhere. */
export type Money = { cents: number; currency: string };

/** The service fee on a gross amount, rounded to the cent (half away from zero). */
export function feeCents(grossCents: number, feeBps: number): number {
  return Math.round((grossCents * feeBps) / 10_000);
}

/** What the freelancer receives from a gross amount after the service fee. */
export function netCents(grossCents: number, feeBps: number): number {
  return grossCents - feeCents(grossCents, feeBps);
}

// One formatter per currency: building an Intl.NumberFormat costs about 25 µs, and a page
// with an offer formats several amounts.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency = 'USD'): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(cents / 100);
}

export function formatPercent(bps: number): string {
  const value = bps / 100;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(2)}%`;
}

/**
 * Parses what a person types as a dollar amount ("45", "45.5", "$1,250.00") into cents;
 * null when it is not an amount.
 */
export function parseDollarsToCents(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/^\$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function centsToDollarInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
