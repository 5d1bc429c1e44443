import { AnnouncementsService } from '@foyer/api/announcements';
import { AdminAnnouncementView, AgentScope, AnnouncementView, Role } from '@foyer/shared/contracts';
import {
  Caller,
  childBody,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  resident,
  schoolId,
  signIn,
} from '../households/support';
import { demoParent, DemoParent, eventually } from '../notifications/support';

const HOUR = 3_600_000;

describe('city announcements: audiences, publication window, sending of important ones', () => {
  let t: HouseholdsTestApp;
  let admin: Caller;
  let parent: DemoParent;
  /** Families: a child at Jean Jaurès in CE1, one at Paul Bert in CP, one at Victor Hugo in CM2. */
  let jeanJaures: Caller;
  let paulBert: Caller;
  let victorHugo: Caller;

  /** The child each family added, by user id. */
  const childOf = new Map<string, string>();

  const addChild = async (caller: Caller, school: string, classLevel: string) => {
    const res = await t.http
      .post('/api/household/children')
      .set('Authorization', caller.auth)
      .send(childBody(t, { schoolSiteId: schoolId(t, school), classLevel }))
      .expect(201);
    childOf.set(caller.id, res.body.id as string);
  };

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    admin = signIn(t, Role.Admin);
    parent = await demoParent(t);
    jeanJaures = resident(t);
    paulBert = resident(t);
    victorHugo = resident(t);
    await addChild(jeanJaures, 'ecole-jean-jaures', 'CE1');
    await addChild(paulBert, 'ecole-paul-bert', 'CP');
    await addChild(victorHugo, 'ecole-victor-hugo', 'CM2');
  });

  afterAll(async () => {
    await t?.close();
  });

  const at = (offsetMs: number) => new Date(t.clock.now().getTime() + offsetMs).toISOString();

  const publish = async (body: Record<string, unknown>): Promise<AdminAnnouncementView> =>
    (
      await t.http
        .post('/api/admin/announcements')
        .set('Authorization', admin.auth)
        .send({ text: 'Texte de l’annonce.', importance: 'normal', publishAt: at(-HOUR), ...body })
        .expect(201)
    ).body;

  const titlesFor = async (caller?: Caller): Promise<string[]> => {
    const request = t.http.get('/api/announcements');
    if (caller) request.set('Authorization', caller.auth);
    return ((await request.expect(200)).body as AnnouncementView[]).map((a) => a.title);
  };

  /** Inbox messages of the city-announcement topic with this subject, by user. */
  const inboxOf = async (subject: string): Promise<string[]> =>
    (
      (await t.dataSource.query(
        `SELECT user_id FROM notification_messages WHERE topic = 'city-announcement' AND channel = 'inbox' AND subject = $1`,
        [subject],
      )) as { user_id: string }[]
    )
      .map((r) => r.user_id)
      .sort();

  it('shows an announcement only between its publication and expiry instants of the clock', async () => {
    await publish({ title: 'Fenêtre', audience: 'everyone', publishAt: at(HOUR), expireAt: at(3 * HOUR) });
    expect(await titlesFor()).not.toContain('Fenêtre');
    t.clock.advance(2 * HOUR);
    expect(await titlesFor()).toContain('Fenêtre');
    expect(await titlesFor(paulBert)).toContain('Fenêtre');
    t.clock.advance(2 * HOUR);
    expect(await titlesFor()).not.toContain('Fenêtre');
    const list = (await t.http.get('/api/admin/announcements').set('Authorization', admin.auth).expect(200))
      .body as AdminAnnouncementView[];
    expect(list.find((a) => a.title === 'Fenêtre')?.state).toBe('expired');
  });

  it('shows targeted announcements to the targeted signed-in families only, never to visitors', async () => {
    await publish({ title: 'Pour Jean Jaurès', audience: 'site', siteId: schoolId(t, 'ecole-jean-jaures') });
    await publish({ title: 'Pour les CP', audience: 'class-level', classLevel: 'CP' });
    await publish({ title: 'Pour tous', audience: 'everyone' });
    const visitor = await titlesFor();
    expect(visitor).toContain('Pour tous');
    expect(visitor).not.toContain('Pour Jean Jaurès');
    expect(visitor).not.toContain('Pour les CP');
    expect(await titlesFor(jeanJaures)).toEqual(expect.arrayContaining(['Pour tous', 'Pour Jean Jaurès']));
    expect(await titlesFor(jeanJaures)).not.toContain('Pour les CP');
    expect(await titlesFor(paulBert)).toEqual(expect.arrayContaining(['Pour tous', 'Pour les CP']));
    expect(await titlesFor(paulBert)).not.toContain('Pour Jean Jaurès');
    expect(await titlesFor(victorHugo)).not.toEqual(expect.arrayContaining(['Pour Jean Jaurès']));
    expect(await titlesFor(victorHugo)).not.toContain('Pour les CP');
    // An administrator is not a family: the public list.
    expect(await titlesFor(admin)).not.toContain('Pour Jean Jaurès');
    // A token that is not valid is refused, as on any route (the web app refreshes it).
    await t.http.get('/api/announcements').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('sends an important announcement to the targeted families only, once, through a job', async () => {
    const created = await publish({
      title: 'Important Jean Jaurès',
      audience: 'site',
      siteId: schoolId(t, 'ecole-jean-jaures'),
      importance: 'important',
    });
    const expected = [jeanJaures.id, parent.userId].sort();
    await eventually(async () => (await inboxOf('Important Jean Jaurès')).length >= 2, 'the inbox messages');
    expect(await inboxOf('Important Jean Jaurès')).toEqual(expected);
    const mails: { user_id: string }[] = await t.dataSource.query(
      `SELECT user_id FROM notification_messages WHERE channel = 'email' AND subject = 'Important Jean Jaurès'`,
    );
    expect(mails.map((m) => m.user_id).sort()).toEqual(expected);
    // Enqueued again (a second process, a retry): nothing more is sent.
    await t.app.get(AnnouncementsService).deliver(created.id);
    expect(await inboxOf('Important Jean Jaurès')).toEqual(expected);
    const view = (
      await t.http.get(`/api/admin/announcements/${created.id}`).set('Authorization', admin.auth).expect(200)
    ).body as AdminAnnouncementView;
    expect(view.notifiedHouseholds).toBe(2);
    expect(view.notifiedAt).not.toBeNull();
  });

  it('sends a scheduled important announcement when the clock reaches its publication', async () => {
    await publish({
      title: 'Important CP',
      audience: 'class-level',
      classLevel: 'CP',
      importance: 'important',
      publishAt: at(2 * HOUR),
    });
    const service = t.app.get(AnnouncementsService);
    expect(await service.enqueueDue()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await inboxOf('Important CP')).toEqual([]);
    t.clock.advance(3 * HOUR);
    expect(await service.enqueueDue()).toBe(1);
    await eventually(async () => (await inboxOf('Important CP')).length >= 1, 'the CP family message');
    expect(await inboxOf('Important CP')).toEqual([paulBert.id]);
  });

  it('puts a normal announcement in the targeted families’ inbox only: no e-mail, no push', async () => {
    await publish({ title: 'Normale pour les CM2', audience: 'class-level', classLevel: 'CM2' });
    await eventually(
      async () => (await inboxOf('Normale pour les CM2')).length >= 1,
      'the CM2 inbox message',
    );
    expect(await inboxOf('Normale pour les CM2')).toEqual([victorHugo.id]);
    const others: unknown[] = await t.dataSource.query(
      `SELECT id FROM notification_messages WHERE subject = 'Normale pour les CM2' AND channel <> 'inbox'`,
    );
    expect(others).toEqual([]);
  });

  it('sends an announcement for an activity to exactly the families with a child enrolled (approved) in it', async () => {
    // An activity of its own, offered at Jean Jaurès, so no seeded enrolment counts.
    const [activity] = (await t.dataSource.query(
      `INSERT INTO activities (code, kind, name, booking_deadline, cancel_deadline, window_weeks, late_change, promotion)
       VALUES ('atelier-annonces', 'wednesday_centre', 'Atelier théâtre', 'thursday of the week before at 12:00',
               'thursday of the week before at 12:00', 8, 'surcharge', 'auto') RETURNING id`,
    )) as { id: string }[];
    const siteId = schoolId(t, 'ecole-jean-jaures');
    await t.dataSource.query(
      `INSERT INTO activity_offers (activity_id, site_id, capacity_per_day, waitlist_size) VALUES ($1, $2, 20, 5)`,
      [activity.id, siteId],
    );
    const enrol = async (caller: Caller) =>
      (
        await t.http
          .post(`/api/children/${childOf.get(caller.id)}/enrollments`)
          .set('Authorization', caller.auth)
          .send({ activityId: activity.id, siteId, schoolYear: '2026-2027' })
          .expect(201)
      ).body as { id: string };
    // Jean Jaurès's child is approved by an agent; Paul Bert's stays pending; Victor Hugo's never asked.
    const approved = await enrol(jeanJaures);
    await enrol(paulBert);
    await t.http
      .post(`/api/agent/enrollments/${approved.id}/decision`)
      .set('Authorization', signIn(t, Role.Agent, [AgentScope.Enfance]).auth)
      .send({ decision: 'approve' })
      .expect(201);

    const created = await publish({
      title: 'Atelier théâtre annulé',
      audience: 'activity',
      activityId: activity.id,
      importance: 'important',
    });
    expect(created.audienceLabel).toBe('Familles — inscrits à Atelier théâtre');
    await eventually(async () => (await inboxOf('Atelier théâtre annulé')).length >= 1, 'the inbox message');
    expect(await inboxOf('Atelier théâtre annulé')).toEqual([jeanJaures.id]);
    const view = (
      await t.http.get(`/api/admin/announcements/${created.id}`).set('Authorization', admin.auth).expect(200)
    ).body as AdminAnnouncementView;
    expect(view.notifiedHouseholds).toBe(1);
    // On the home page too: the enrolled family sees it, the pending one and visitors do not.
    expect(await titlesFor(jeanJaures)).toContain('Atelier théâtre annulé');
    expect(await titlesFor(paulBert)).not.toContain('Atelier théâtre annulé');
    expect(await titlesFor(victorHugo)).not.toContain('Atelier théâtre annulé');
    expect(await titlesFor()).not.toContain('Atelier théâtre annulé');
  });

  it('refuses bad input with a 400 naming the field in French, and writes nothing', async () => {
    const before = Number((await t.dataSource.query(`SELECT count(*) FROM announcements`))[0].count);
    const post = (body: Record<string, unknown>) =>
      t.http
        .post('/api/admin/announcements')
        .set('Authorization', admin.auth)
        .send({
          title: 'T',
          text: 'X',
          importance: 'normal',
          audience: 'everyone',
          publishAt: at(0),
          ...body,
        });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ title: '   ' }, 'title', /obligatoire/],
      [{ audience: 'site' }, 'siteId', /obligatoire pour cette audience/],
      [{ classLevel: 'CP' }, 'classLevel', /ne s’applique pas/],
      [{ audience: 'site', siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId', /introuvable/],
      [
        { audience: 'activity', activityId: '00000000-0000-4000-8000-000000000000' },
        'activityId',
        /introuvable/,
      ],
      [{ publishAt: '2027-02-30T10:00:00+01:00' }, 'publishAt', /n’existe pas/],
      [{ publishAt: '14/01/2027' }, 'publishAt', /fuseau/],
      [{ expireAt: at(-2 * HOUR) }, 'expireAt', /après le début/],
      [{ importance: 'urgent' }, 'importance', /valeur autorisée/],
      [{ text: 'a'.repeat(4001) }, 'text', /au plus 4000/],
    ];
    for (const [body, field, message] of cases) {
      const res = await post(body).expect(400);
      const error = (res.body.fields as { field: string; messages: string[] }[]).find(
        (f) => f.field === field,
      );
      expect({ field, message: error?.messages.join(' ') }).toEqual({
        field,
        message: expect.stringMatching(message),
      });
    }
    await t.http
      .patch('/api/admin/announcements/00000000-0000-4000-8000-000000000000')
      .set('Authorization', admin.auth)
      .send({ title: 'X' })
      .expect(404);
    await t.http
      .post('/api/admin/announcements')
      .set('Authorization', jeanJaures.auth)
      .send({ title: 'T', text: 'X', importance: 'normal', audience: 'everyone', publishAt: at(0) })
      .expect(403);
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM announcements`))[0].count)).toBe(before);
  });

  it('lets an administrator edit and delete an announcement', async () => {
    const created = await publish({ title: 'À corriger', audience: 'everyone' });
    const updated = await t.http
      .patch(`/api/admin/announcements/${created.id}`)
      .set('Authorization', admin.auth)
      .send({ title: 'Corrigée', audience: 'class-level', classLevel: 'CM2' })
      .expect(200);
    expect(updated.body).toMatchObject({ title: 'Corrigée', audience: 'class-level', classLevel: 'CM2' });
    expect(await titlesFor(victorHugo)).toContain('Corrigée');
    expect(await titlesFor()).not.toContain('Corrigée');
    await t.http
      .delete(`/api/admin/announcements/${created.id}`)
      .set('Authorization', admin.auth)
      .expect(204);
    expect(await titlesFor(victorHugo)).not.toContain('Corrigée');
    await t.http
      .delete(`/api/admin/announcements/${created.id}`)
      .set('Authorization', admin.auth)
      .expect(404);
  });

  it('shows the seeded announcements to the demo family', async () => {
    const demo = signIn(t, Role.Resident, [], parent.userId);
    const titles = await titlesFor(demo);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Inscriptions aux vacances d’hiver',
        'Travaux au restaurant scolaire Jean Jaurès',
        'Classe découverte des CE2',
        'Mercredi : sortie à la ferme pédagogique',
      ]),
    );
    // Only the families enrolled on Wednesdays see the seeded activity announcement.
    expect(await titlesFor(jeanJaures)).not.toContain('Mercredi : sortie à la ferme pédagogique');
  });
});
