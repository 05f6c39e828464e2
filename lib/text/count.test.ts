import { countOf } from './count';

it.each([
  [0, 'invite', '0 invites'],
  [1, 'invite', '1 invite'],
  [2, 'day', '2 days'],
])('countOf(%d, %s) is %s', (n, noun, expected) => {
  expect(countOf(n, noun)).toBe(expected);
});
