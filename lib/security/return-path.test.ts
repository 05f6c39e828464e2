import { returnPathFromUrl, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    '/onboarding/compliance',
    '/client/invites/3f1c?notice=sent',
    '/settings/account#email',
  ])('keeps the path %s on this site', (path) => expect(safeReturnPath(path)).toBe(path));

  it.each([
    ['another site, protocol-relative', '//evil.example/phish'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a script URL', 'javascript:alert(1)'],
    ['a relative path', 'onboarding'],
    ['a tab browsers strip', '/\t/evil.example'],
    ['a newline', '/onboarding\n'],
    ['nothing', ''],
    ['the sign-in page itself', '/sign-in/confirm?token=x'],
    ['an overlong path', `/${'a'.repeat(600)}`],
  ])('refuses %s', (_, value) => expect(safeReturnPath(value)).toBeNull());

  it('refuses what is not a string', () => {
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(['/onboarding'])).toBeNull();
  });
});

describe('returnPathFromUrl', () => {
  it('keeps only the path of an absolute callback URL, whatever its origin', () => {
    expect(returnPathFromUrl('http://localhost:3000/onboarding/compliance')).toBe(
      '/onboarding/compliance',
    );
    expect(returnPathFromUrl('https://evil.example/client?x=1')).toBe('/client?x=1');
    expect(returnPathFromUrl('https://evil.example//evil.example')).toBeNull();
    expect(returnPathFromUrl('not a url')).toBeNull();
    expect(returnPathFromUrl(null)).toBeNull();
  });
});
