import { formDataToObject } from './forms-data';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe('formDataToObject', () => {
  it('nests dotted names and array indices', () => {
    expect(
      formDataToObject(
        form([
          ['email', 'a@example.com'],
          ['offer.kind', 'fixed'],
          ['offer.milestones.0.amount', '10'],
          ['offer.milestones.1.amount', '20'],
        ]),
      ),
    ).toEqual({
      email: 'a@example.com',
      offer: { kind: 'fixed', milestones: [{ amount: '10' }, { amount: '20' }] },
    });
  });

  it('ignores prototype keys, action ids and absurd indices', () => {
    const result = formDataToObject(
      form([
        ['__proto__.polluted', 'yes'],
        ['a.constructor.prototype.x', '1'],
        ['$ACTION_ID_abc', ''],
        ['list.0', 'ok'],
        ['list.99999999', 'no'],
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result).toEqual({ list: ['ok'] });
  });
});
