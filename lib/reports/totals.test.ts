import { sumByCurrency } from './totals';

it('sums each named amount per currency, never across currencies, in currency order', () => {
  const rows = [
    { currency: 'USD', key: 'a', grossCents: 1_000, netCents: 900 },
    { currency: 'EUR', key: 'b', grossCents: 500, netCents: 450 },
    { currency: 'USD', key: 'c', grossCents: 250, netCents: 225 },
  ];
  expect(sumByCurrency(rows, ['grossCents', 'netCents'])).toEqual([
    { currency: 'EUR', grossCents: 500, netCents: 450 },
    { currency: 'USD', grossCents: 1_250, netCents: 1_125 },
  ]);
  expect(sumByCurrency([], ['grossCents'])).toEqual([]);
});
