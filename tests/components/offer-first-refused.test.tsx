import { renderToStaticMarkup } from 'react-dom/server';
import { firstRefused, OfferFields } from '@/components/offer/offer-fields';

describe('the offer field a refused form focuses', () => {
  it('is the refused field nearest the top of the form, whatever order the errors come in', () => {
    expect(
      firstRefused({
        'offer.weeklyLimit': ['x'],
        'offer.milestones.1.dueDate': ['x'],
        'offer.startDate': ['x'],
        message: ['x'],
      }),
    ).toBe('offer.startDate');
    expect(firstRefused({ message: ['x'], email: ['x'] })).toBe('email');
    expect(
      firstRefused({
        'offer.milestones.1.description': ['x'],
        'offer.milestones.0.dueDate': ['x'],
      }),
    ).toBe('offer.milestones.0.dueDate');
    // "Add at least one milestone" belongs to no input: the first description takes it.
    expect(firstRefused({ 'offer.milestones': ['x'], message: ['x'] })).toBe(
      'offer.milestones.0.description',
    );
    // Empty lists and names the form does not show (a bulk CSV's own) focus nothing here.
    expect(firstRefused({ 'offer.title': [], csv: ['x'] })).toBeUndefined();
  });

  it('is the only one the server-rendered form marks autofocus', () => {
    const register = ((name: string) => ({
      name,
      onChange: async () => {},
      onBlur: async () => {},
      ref: () => {},
    })) as never;
    const render = (focusName?: string) =>
      renderToStaticMarkup(
        <OfferFields
          register={register}
          errorFor={() => undefined}
          values={{ 'offer.kind': 'hourly' }}
          kind={undefined}
          milestoneRows={2}
          focusName={focusName}
        />,
      );
    const focused = (html: string) =>
      [...html.matchAll(/<[^>]*autofocus[^>]*>/gi)].map((m) => m[0]);
    expect(focused(render())).toEqual([]);
    const rate = focused(render('offer.hourlyRateDollars'));
    expect(rate).toHaveLength(1);
    expect(rate[0]).toContain('id="f-offer-hourlyRateDollars"');
    const kind = focused(render('offer.kind'));
    expect(kind).toHaveLength(1);
    expect(kind[0]).toContain('id="f-offer-kind-hourly"');
  });
});
