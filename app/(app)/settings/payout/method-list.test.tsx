import { renderToStaticMarkup } from 'react-dom/server';
import { listPayoutMethods } from '@/lib/payouts/service';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addPayoutMethodNow,
  IBAN_ACCOUNT,
  installTestEncryptionKey,
  signedInFreelancer,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
import { PayoutMethodList } from './method-list';

const SCRIPT = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
/** React's own inline script that replays a form submitted before hydration. */
const FORM_REPLAY = /<script>addEventListener\("submit",[\s\S]*?<\/script>/g;

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('the payout method list', () => {
  it('shows script typed as the holder name as text, never as markup', async () => {
    const { who, actor } = await signedInFreelancer(database.db);
    await addPayoutMethodNow(database.db, actor, { ...US_BANK, holderName: SCRIPT });
    await addPayoutMethodNow(database.db, actor, { ...IBAN_ACCOUNT, holderName: `Alex ${SCRIPT}` });
    const methods = await listPayoutMethods(database.db, who.userId);
    expect(methods.map((m) => m.holderName)).toEqual([SCRIPT, `Alex ${SCRIPT}`]);

    const html = renderToStaticMarkup(<PayoutMethodList methods={methods} />);
    expect(html.replace(FORM_REPLAY, '')).not.toMatch(/<script/i);
    expect(html.split(ESCAPED)).toHaveLength(3);
    expect(html).toContain('US bank account (checking) ending 0417');
    expect(html).toContain('International bank account (IBAN) ending 3000');
  });

  it('says so when there is no method yet', () => {
    expect(renderToStaticMarkup(<PayoutMethodList methods={[]} />)).toBe(
      '<p>You have not added a payout method yet.</p>',
    );
  });
});
