import { getDatabase } from '@/db';
import {
  makeClient,
  makeContract,
  makeFixedContract,
  makeFreelancer,
  makeInvite,
  makePayments,
} from '@/lib/test-hooks/factories';
import { makeReviewWeek } from '@/lib/test-hooks/review-week';
import { makeInvoice } from '@/lib/test-hooks/invoice-factory';
import { NOT_FOUND, readJson, testHooksEnabled } from '@/lib/test-hooks/guard';
import { factoryRequestSchema } from '@/lib/test-hooks/schemas';

/**
 * Test runs only (E2E_TEST_HOOKS): builds a client, an invite, a freelancer at an onboarding
 * step, a further contract or money on a contract (see lib/test-hooks/schemas.ts) and answers with their ids,
 * emails and links. The server owns its embedded database, so the journeys' records are made
 * here rather than from the Playwright process.
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return NOT_FOUND();
  const body = await readJson(request, factoryRequestSchema);
  if (!body.ok) return body.response;
  const { db } = await getDatabase();
  const input = body.data;
  try {
    switch (input.kind) {
      case 'client':
        return Response.json(await makeClient(db, input));
      case 'invite':
        return Response.json(await makeInvite(db, input));
      case 'freelancer':
        return Response.json(await makeFreelancer(db, input));
      case 'contract':
        return Response.json(await makeContract(db, input));
      case 'payments':
        return Response.json(await makePayments(db, input));
      case 'review-week':
        return Response.json(await makeReviewWeek(db, input));
      case 'invoice':
        return Response.json(await makeInvoice(db, input));
      case 'fixed-contract':
        return Response.json(await makeFixedContract(db, input));
    }
  } catch (error) {
    // A journey asked for something the services refuse (an unknown client, a duplicate invite).
    return Response.json({ problems: [String(error)] }, { status: 422 });
  }
}
