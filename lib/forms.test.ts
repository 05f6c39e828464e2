import { refuseNulCharacters } from './forms';

function formOf(entries: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('refuseNulCharacters', () => {
  it('lets a form without a NUL through', () => {
    expect(
      refuseNulCharacters(
        formOf([
          ['title', 'Ünïcode, "quotes" <b>'],
          ['n', '\t\n'],
        ]),
      ),
    ).toBeNull();
  });

  it('names every field holding a NUL, even one called __proto__, and ignores files', () => {
    const state = refuseNulCharacters(
      formOf([
        ['title', 'a\u0000b'],
        ['__proto__', '\u0000'],
        ['note', 'fine'],
        ['file', new File(['\u0000'], 'a.pdf')],
      ]),
    );
    expect(state).toMatchObject({ ok: false, message: expect.any(String) });
    const fieldErrors = state && !state.ok ? state.fieldErrors : {};
    expect(Object.keys(fieldErrors).sort()).toEqual(['__proto__', 'title']);
    expect(Object.getPrototypeOf(fieldErrors)).toBe(Object.prototype);
  });
});
