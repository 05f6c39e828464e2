import { feeCents, formatMoney, formatPercent, netCents, parseDollarsToCents } from './money';

describe('fees', () => {
  it('takes 5% from $50.00 and leaves $47.50', () => {
    expect(feeCents(5000, 500)).toBe(250);
    expect(netCents(5000, 500)).toBe(4750);
  });
  it('rounds the fee to the cent', () => {
    expect(feeCents(333, 500)).toBe(17); // 16.65 → 17
    expect(netCents(333, 500)).toBe(316);
    expect(netCents(999_99, 0)).toBe(999_99);
  });
  it('never pays out more than the gross or less than zero', () => {
    for (const gross of [0, 1, 99, 300, 12_345, 99_999]) {
      const net = netCents(gross, 500);
      expect(net).toBeLessThanOrEqual(gross);
      expect(net).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('parseDollarsToCents', () => {
  it.each([
    ['45', 4500],
    ['45.5', 4550],
    ['$1,250.00', 125000],
    [' 3.00 ', 300],
  ])('%s → %d cents', (input, cents) => expect(parseDollarsToCents(input)).toBe(cents));
  it.each(['', 'abc', '-5', '1.234', '1e3', '12,34', 'NaN', '<b>1</b>'])('refuses %p', (input) =>
    expect(parseDollarsToCents(input)).toBeNull(),
  );
});

describe('formatting', () => {
  it('formats cents and percentages for people', () => {
    expect(formatMoney(190000)).toBe('$1,900.00');
    expect(formatPercent(500)).toBe('5%');
    expect(formatPercent(250)).toBe('2.50%');
  });
});
