import { brandOf, digitsOf, passesLuhn } from './cards';

it('checks card numbers with Luhn, spaces and dashes aside', () => {
  expect(passesLuhn(digitsOf('4242 4242 4242 4242'))).toBe(true);
  expect(passesLuhn(digitsOf('4000-0000-0000-0002'))).toBe(true);
  expect(passesLuhn(digitsOf('4242 4242 4242 4241'))).toBe(false);
  expect(passesLuhn('42424242')).toBe(false);
  expect(passesLuhn('4242x24242424242')).toBe(false);
});

it('names the brand from the first digits', () => {
  expect(brandOf('4242424242424242')).toBe('visa');
  expect(brandOf('5555555555554444')).toBe('mastercard');
  expect(brandOf('2223003122003222')).toBe('mastercard');
  expect(brandOf('378282246310005')).toBe('amex');
  expect(brandOf('6011111111111117')).toBe('discover');
  expect(brandOf('9999999999999995')).toBe('unknown');
});
