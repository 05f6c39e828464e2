import { renderToStaticMarkup } from 'react-dom/server';
import { listPayoutMethods } from '@/lib/payouts/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { expectScriptShownAsText, SCRIPT } from '@/tests/helpers/hostile';
import {
  addPayoutMethodNow,
  IBAN_ACCOUNT,
  installTestEncryptionKey,
  signedInFreelancer,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
import { PayoutMethodList } from './method-list';

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
    expectScriptShownAsText(html, 2);
    expect(html).toContain('US bank account (checking) ending 0417');
    expect(html).toContain('International bank account (IBAN) ending 3000');
  });

  it('says so when there is no method yet', () => {
    expect(renderToStaticMarkup(<PayoutMethodList methods={[]} />)).toBe(
      '<p>You have not added a payout method yet.</p>',
    );
  });
});
