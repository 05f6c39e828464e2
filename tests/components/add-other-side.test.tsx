import { renderToStaticMarkup } from 'react-dom/server';
import { AccountSides, AddOtherSide } from '@/components/add-other-side';

describe('the way to add the other side', () => {
  it('offers a client to work as a freelancer, and a freelancer to start hiring', () => {
    expect(renderToStaticMarkup(<AddOtherSide hasWorkspace isFreelancer={false} />)).toContain(
      'href="/welcome?add=freelancer">Work as a freelancer</a>',
    );
    expect(renderToStaticMarkup(<AddOtherSide hasWorkspace={false} isFreelancer />)).toContain(
      'href="/welcome?add=client">Start hiring</a>',
    );
    expect(renderToStaticMarkup(<AddOtherSide hasWorkspace isFreelancer />)).toBe('');
  });

  it('is in Settings → Account, naming the sides the account holds', () => {
    const html = renderToStaticMarkup(<AccountSides hasWorkspace={false} isFreelancer />);
    expect(html).toContain('This account holds a freelancer profile.');
    expect(html).toContain('Start hiring');
    expect(renderToStaticMarkup(<AccountSides hasWorkspace isFreelancer />)).toContain(
      'Switch between them from the header.',
    );
  });
});
