import { HouseholdView } from '@foyer/shared/contracts';
import { uniqueEmail, waitForMail } from '../accounts/support/accounts-helpers';
import { Caller, createHouseholdsTestApp, HouseholdsTestApp, resident, signUpResident } from './support';

/** An invitation to be second guardian is for the address it was sent to, not for whoever holds the link. */
describe('households: an invitation is accepted only by its addressee', () => {
  let t: HouseholdsTestApp;
  let first: Caller & { email: string };
  let invitedEmail: string;
  let token: string;

  const view = async (caller: Caller): Promise<HouseholdView> =>
    (await t.http.get('/api/household').set('Authorization', caller.auth).expect(200)).body;
  const accept = (caller: Caller) =>
    t.http.post('/api/household/invitations/accept').set('Authorization', caller.auth).send({ token });

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    first = await signUpResident(t);
    invitedEmail = uniqueEmail('Second.Responsable');
    await t.http
      .post('/api/household/invitations')
      .set('Authorization', first.auth)
      // The address is compared without regard to case.
      .send({ email: invitedEmail.toUpperCase() })
      .expect(201);
    const mail = await waitForMail(t, invitedEmail, { subject: /Invitation/ });
    const link = mail.links.find((l) => l.includes('/famille/rejoindre?token='));
    token = new URL(link as string).searchParams.get('token') as string;
  });
  afterAll(() => t.close());

  it('refuses someone else holding the link, with 403 in French, and keeps the invitation', async () => {
    const stranger = await signUpResident(t);
    const res = await accept(stranger).expect(403);
    expect(res.body.message).toBe('Cette invitation a été envoyée à une autre adresse e-mail.');
    // A token without any account behind it is refused the same way.
    await accept(resident(t)).expect(403);
    const household = await view(first);
    expect(household.guardians.map((g) => g.userId)).toEqual([first.id]);
    expect(household.pendingInvitationEmail).toBe(invitedEmail.toLowerCase());
    expect((await view(stranger)).id).not.toBe(household.id);
  });

  it('lets the invited address join', async () => {
    const invited = await signUpResident(t, invitedEmail);
    const joined = await accept(invited).expect(200);
    expect(joined.body.id).toBe((await view(first)).id);
    expect(joined.body.guardians.map((g: { userId: string }) => g.userId)).toEqual([first.id, invited.id]);
  });
});
