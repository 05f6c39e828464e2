import type { Inviter } from '@/lib/accounts/inviter';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, emailOutbox, invites, users } from '@/db/schema';
import { hashTerms } from '@/lib/contracts/service';
import { submitCheck } from '@/lib/compliance/service';
import { resetEnvCache } from '@/lib/env';
import { withEnv } from '@/tests/helpers/env';
import { joinFromInvite } from '@/lib/invites/accept';
import { createInvite, loadTerms } from '@/lib/invites/service';
import { requestAddPayoutMethod } from '@/lib/payouts/service';
import { saveProfile, setProfileVisibility, uploadProfilePhoto } from '@/lib/profile/service';
import { findProfile } from '@/lib/profile/queries';
import { profileSchema } from '@/lib/profile/schemas';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { saveTaxInfo } from '@/lib/tax/service';
import type { Database } from '@/db/client';
import {
  acceptedContract,
  createWorkspace,
  pdfBytes,
  sampleAnswers,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import { inviteData, tokenFromOutbox } from '@/tests/helpers/invite-fixtures';
import { solidPng } from '@/tests/helpers/png';
import {
  actorSignedIn,
  addPayoutMethodNow,
  createFreelancer,
  PAYPAL,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { visibilitySchema } from '@/lib/profile/visibility';
import { asSubmitted } from '@/tests/helpers/submitted';

/** The signed-in people of the matrix; "anonymous" is the browser without a cookie. */
export const ROLES = [
  'anonymous',
  'otherClient',
  'otherFreelancer',
  'admin',
  'victimClient',
  'victimFreelancer',
] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, 'anonymous'>;

export type Person = { userId: string; email: string };
export type Client = Person & { workspaceId: string; inviter: Inviter };
export type People = Record<SignedInRole, Person>;

export const W9_FORM = {
  kind: 'us',
  legalName: 'Alex Kim',
  businessType: 'individual',
  tinType: 'ssn',
  tin: '512-34-7789',
  addressLine1: '1 Main Street',
  city: 'Springfield',
  state: 'il',
  zip: '62701',
  signature: 'Alex Kim',
  certify: 'on',
};

const OVERVIEW =
  'I design and build booking systems for small clinics, from the first sketch to launch and support.';

export const PROFILE_FORM = {
  title: 'Full-stack developer',
  overview: `${OVERVIEW} ${OVERVIEW}`,
  hourlyRateCents: '45.50',
  skills: 'React, Node.js',
  portfolioLinks: 'https://example.com/work',
  'languages.0.language': 'English',
  'languages.0.level': 'fluent',
  'employment.0.company': 'Acme',
  'employment.0.title': 'Developer',
  'employment.0.from': '2020-01',
};

/**
 * The people and rows the matrix aims at. The victims are built once per file; the other
 * actors are made afresh for every case, so what one case lets them do to their own
 * account (choose a side, sign out everywhere) cannot change the next case's answer.
 */
export class World {
  private readonly admins: string[] = [];
  private readonly savedEnv = new Map<string, string | undefined>();

  constructor(
    readonly database: Database,
    readonly victimClient: Client,
    readonly victimFreelancer: Person & { documentId: string },
  ) {}

  get db(): Db {
    return this.database.db;
  }

  /**
   * The victim client (an enterprise workspace) and a freelancer who accepted its contract:
   * a submitted compliance check with a document, a US bank payout method and a W-9.
   */
  static async build(database: Database): Promise<World> {
    const db = database.db;
    const victimClient = await newClient(db, 'enterprise');
    const email = uniqueEmail('victim');
    const contract = await acceptedContract(db, victimClient.inviter, email);
    const person = { userId: contract.freelancerId, email };
    const check = await submitCheck(db, {
      userId: person.userId,
      answers: sampleAnswers(),
      documents: [{ fileName: 'Registration.pdf', bytes: pdfBytes() }],
    });
    if (!check.ok) throw new Error(check.message);
    const actor = await actorSignedIn(db, person, 1);
    await addPayoutMethodNow(db, actor, US_BANK);
    await saveTaxInfo(db, actor, taxInfoSchema.parse(W9_FORM));
    return new World(database, victimClient, { ...person, documentId: check.documentIds[0] });
  }

  /** The signed-in actors for one case: fresh strangers, the shared victims, any overrides. */
  async people(overrides: Partial<People> = {}): Promise<People> {
    return {
      otherClient: await newClient(this.db, 'company'),
      otherFreelancer: await createFreelancer(this.db),
      admin: await this.newAdmin(),
      victimClient: this.victimClient,
      victimFreelancer: this.victimFreelancer,
      ...overrides,
    };
  }

  /** An ops reviewer: a plain account whose address is in ADMIN_EMAILS. */
  async newAdmin(): Promise<Person> {
    const email = uniqueEmail('ops');
    const [user] = await this.db.insert(users).values({ email }).returning({ id: users.id });
    this.admins.push(email);
    this.setEnv('ADMIN_EMAILS', this.admins.join(','));
    return { userId: user.id, email };
  }

  /** Changes a setting for the rest of the file; restoreEnv() puts every one back. */
  setEnv(name: string, value: string | undefined): void {
    if (!this.savedEnv.has(name)) this.savedEnv.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    resetEnvCache();
  }

  restoreEnv(): void {
    for (const [name, value] of this.savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    this.savedEnv.clear();
    resetEnvCache();
  }

  /** Runs `fn` with these settings, then puts the previous ones back. */
  withEnv(values: Record<string, string | undefined>, fn: () => Promise<void>): Promise<void> {
    return withEnv(values, fn);
  }

  newClient(type: 'company' | 'enterprise' = 'enterprise'): Promise<Client> {
    return newClient(this.db, type);
  }

  /** A pending invite from the victim client, and its link's token. */
  async pendingInvite(email = uniqueEmail('invitee')) {
    const created = await createInvite(this.db, {
      inviter: this.victimClient.inviter,
      input: inviteData(email),
    });
    if (!created.ok) throw new Error(created.message);
    const [invite] = await this.db.select().from(invites).where(eq(invites.id, created.inviteId));
    return {
      inviteId: invite.id,
      email,
      token: await tokenFromOutbox(this.db, invite.lastOutboxId!),
      outboxId: invite.lastOutboxId!,
    };
  }

  /** An invite of the victim client whose link was clicked: the offer waits for a decision. */
  async openOffer() {
    const invite = await this.pendingInvite();
    const activated = await joinFromInvite(this.db, invite.token);
    if (!activated.ok) throw new Error(activated.reason);
    const [contract] = await this.db
      .select()
      .from(contracts)
      .where(eq(contracts.inviteId, invite.inviteId));
    const terms = await loadTerms(this.db, invite.inviteId);
    return {
      ...invite,
      contractId: contract.id,
      termsHash: hashTerms(terms!),
      freelancer: { userId: activated.user.id, email: invite.email },
    };
  }

  /** A freelancer of the victim client (enterprise) whose contract waits for compliance. */
  async freelancerAwaitingCompliance(): Promise<Person & { contractId: string }> {
    const email = uniqueEmail('waiting');
    const contract = await acceptedContract(this.db, this.victimClient.inviter, email);
    return { userId: contract.freelancerId, email, contractId: contract.contractId };
  }

  /** The same, with the questionnaire and a document submitted: a check for ops to decide. */
  async submittedCheck() {
    const freelancer = await this.freelancerAwaitingCompliance();
    const check = await submitCheck(this.db, {
      userId: freelancer.userId,
      answers: sampleAnswers(),
      documents: [{ fileName: 'Registration.pdf', bytes: pdfBytes() }],
    });
    if (!check.ok) throw new Error(check.message);
    return { freelancer, checkId: check.checkId };
  }

  /** A new PayPal method of the victim freelancer, applied at once; its id. */
  async victimPayoutMethod(): Promise<string> {
    const actor = await actorSignedIn(this.db, this.victimFreelancer, 1);
    return addPayoutMethodNow(this.db, actor, { ...PAYPAL, email: uniqueEmail('paypal') });
  }

  /** A change waiting for its emailed link: asked for without a recent sign-in. */
  async pendingPayoutConfirmation(): Promise<void> {
    const actor = await actorSignedIn(this.db, this.victimFreelancer, 60);
    const result = await asSubmitted(
      addPayoutMethodSchema,
      {
        ...PAYPAL,
        email: uniqueEmail('paypal'),
      },
      (input) => requestAddPayoutMethod(this.db, actor, input),
    );
    if (!result.ok || result.status !== 'confirmation-sent')
      throw new Error(JSON.stringify(result));
  }

  /** The victim's profile with a photo, at the given visibility; its slug and photo id. */
  async victimProfile(visibility: 'public' | 'signed_in' | 'private' = 'private') {
    const who = this.victimFreelancer.userId;
    await saveProfile(
      this.db,
      who,
      profileSchema.parse({
        ...PROFILE_FORM,
        languages: [{ language: 'English', level: 'fluent' }],
        employment: [{ company: 'Acme', title: 'Developer', from: '2020-01', to: '' }],
        education: [],
      }),
    );
    const photo = await uploadProfilePhoto(this.db, who, {
      bytes: new Uint8Array(solidPng()),
      fileName: 'me.png',
    });
    if (!photo.ok) throw new Error(photo.message);
    await asSubmitted(visibilitySchema, { visibility }, (input) =>
      setProfileVisibility(this.db, who, input),
    );
    const profile = await findProfile(this.db, who);
    return { slug: profile!.slug, photoFileId: profile!.photoFileId! };
  }

  /** Says Resend took the invite's email, under this provider id (what webhooks name). */
  async markSent(outboxId: string): Promise<string> {
    const providerMessageId = `re_${randomUUID()}`;
    await this.db
      .update(emailOutbox)
      .set({ providerMessageId, status: 'sent', sentAt: new Date() })
      .where(eq(emailOutbox.id, outboxId));
    return providerMessageId;
  }
}

async function newClient(db: Db, type: 'company' | 'enterprise'): Promise<Client> {
  const inviter = await createWorkspace(db, type, `${type} ${randomUUID().slice(0, 6)}`);
  const [user] = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, inviter.userId));
  return { userId: inviter.userId, email: user.email, workspaceId: inviter.workspaceId, inviter };
}
