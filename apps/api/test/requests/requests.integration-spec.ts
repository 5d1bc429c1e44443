import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DocumentType,
  NotificationTopic,
  RequestStatus,
  SeededRequestTypeCode,
  AgentScope,
  Role,
} from '@foyer/shared/contracts';
import { formatEuros } from '@foyer/shared/domain';
import { seedDemo } from '../../src/seed';
import { AgentDigestJob } from '@foyer/api/requests';
import { PDF, resident, signIn, upload } from '../households/support';
import { countRows, createRequestsWorld, inbox, RequestsWorld } from './support';

let w: RequestsWorld;

/**
 * The text of a PDF read by pdf-parse (pdf.js), in a plain Node process: pdf.js loads its worker with
 * a dynamic import, which Jest's CommonJS sandbox refuses.
 */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const script =
      "const { PDFParse } = require('pdf-parse'); const fs = require('node:fs');" +
      'new PDFParse({ data: fs.readFileSync(process.argv[1]) }).getText()' +
      '.then((r) => process.stdout.write(r.text), (e) => { console.error(e); process.exit(1); });';
    return execFileSync(process.execPath, ['-e', script, file], { cwd: process.cwd(), encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  w = await createRequestsWorld();
});

afterAll(async () => {
  await w?.t.close();
});

const as = (caller: { auth: string }) => ({
  get: (path: string) => w.t.http.get(path).set('Authorization', caller.auth),
  post: (path: string) => w.t.http.post(path).set('Authorization', caller.auth),
  put: (path: string) => w.t.http.put(path).set('Authorization', caller.auth),
});

async function submit(typeCode: string, data: Record<string, unknown>) {
  const res = await as(w.parent).post('/api/requests').send({ typeCode, data, submit: true });
  expect(res.status).toBe(201);
  // Started on the application clock's day (FOYER_NOW in demos), not the database server's.
  expect(res.body.createdAt.slice(0, 10)).toBe(w.t.clock.now().toISOString().slice(0, 10));
  return res.body as { id: string; number: string; status: RequestStatus; dueOn: string };
}

function decide(id: string, to: RequestStatus, comment?: string, effect?: Record<string, unknown>) {
  return as(w.agent).post(`/api/admin/requests/${id}/transitions`).send({ to, comment, effect });
}

describe('seed', () => {
  it('creates every type and, for the demo parent, a request waiting for an answer and an approved one', async () => {
    const types = (await as(w.parent).get('/api/request-types').expect(200)).body as { code: string }[];
    expect(types.map((t) => t.code).sort()).toEqual(Object.values(SeededRequestTypeCode).sort());
    const mine = (await as(w.parent).get('/api/requests').expect(200)).body as {
      status: RequestStatus;
      actionRequired: boolean;
    }[];
    expect(mine.map((r) => r.status).sort()).toEqual([RequestStatus.Approved, RequestStatus.WaitingResident]);
    expect(mine.find((r) => r.status === RequestStatus.WaitingResident)?.actionRequired).toBe(true);
  });

  it('changes nothing when run twice', async () => {
    const before = [await countRows(w.t, 'request_types'), await countRows(w.t, 'requests')];
    await seedDemo(w.t.dataSource);
    expect([await countRows(w.t, 'request_types'), await countRows(w.t, 'requests')]).toEqual(before);
  });

  it('shows the waiting request with the agent’s question to the parent', async () => {
    const mine = (await as(w.parent).get('/api/requests?status=waiting_resident').expect(200)).body as {
      id: string;
    }[];
    const view = (await as(w.parent).get(`/api/requests/${mine[0].id}`).expect(200)).body;
    expect(view.clockPaused).toBe(true);
    expect(view.pendingQuestion).toMatch(/justificatif de domicile/);
  });
});

describe('a school enrolment, end to end', () => {
  it('goes through draft, question, answer and approval, assigns the school, records history and notifies', async () => {
    const [lea] = w.children;
    const sites = (await w.t.http.get('/api/sites').expect(200)).body as {
      id: string;
      kind: string;
      code: string;
    }[];
    const target = sites.find((s) => s.code === 'ecole-paul-bert')!;
    // Draft: incomplete is fine, then completed and submitted.
    const draft = await as(w.parent)
      .post('/api/requests')
      .send({ typeCode: SeededRequestTypeCode.SchoolEnrolment, data: { childId: lea.id } })
      .expect(201);
    expect(draft.body.status).toBe(RequestStatus.Draft);
    expect(draft.body.number).toMatch(/^D-2027-\d{6}$/);
    await as(w.parent).post(`/api/requests/${draft.body.id}/submit`).expect(400);
    await as(w.parent)
      .put(`/api/requests/${draft.body.id}`)
      .send({ data: { childId: lea.id, schoolSiteId: target.id, classLevel: 'CM1' } })
      .expect(200);
    const submitted = (await as(w.parent).post(`/api/requests/${draft.body.id}/submit`).expect(200)).body;
    expect(submitted.status).toBe(RequestStatus.Submitted);
    expect(submitted.dueOn).toBe('2027-01-29');
    const id = submitted.id as string;

    // The agent finds it in the queue by the school, takes it, asks a question: the clock pauses.
    const queue = (await as(w.agent).get(`/api/admin/requests?school=${target.id}`).expect(200)).body;
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    await decide(id, RequestStatus.InReview).expect(200);
    const asked = (
      await decide(id, RequestStatus.WaitingResident, 'Quelle est la date d’emménagement ?').expect(200)
    ).body;
    expect(asked.status).toBe(RequestStatus.WaitingResident);
    expect((await inbox(w.t, w.parent.id, NotificationTopic.RequestUpdate))[0].subject).toMatch(/question/i);

    // Three days later the parent answers: back in review, due date pushed back by three days.
    w.t.clock.set(new Date('2027-01-17T10:00:00+01:00'));
    const answered = (
      await as(w.parent).post(`/api/requests/${id}/messages`).send({ body: 'Le 2 janvier.' }).expect(201)
    ).body;
    expect(answered.status).toBe(RequestStatus.InReview);
    expect(answered.dueOn).toBe('2027-02-01');

    // Approval: the child's school changes in the same transaction; the decision is notified.
    const approved = (await decide(id, RequestStatus.Approved, 'Place disponible.').expect(200)).body;
    expect(approved.status).toBe(RequestStatus.Approved);
    expect(approved.outcome).toMatch(/Léa est inscrit·e à École Paul-Bert \(CM1\)/);
    const [child] = await w.t.dataSource.query(
      `SELECT school_site_id, class_level FROM children WHERE id = $1`,
      [lea.id],
    );
    expect(child).toEqual({ school_site_id: target.id, class_level: 'CM1' });
    expect((await inbox(w.t, w.parent.id, NotificationTopic.RequestDecision))[0].subject).toMatch(/acceptée/);
    const history = (await as(w.parent).get(`/api/requests/${id}`).expect(200)).body.history as {
      from: string | null;
      to: string;
      actorRole: string;
      comment: string | null;
    }[];
    expect(history.map((h) => [h.from, h.to, h.actorRole])).toEqual([
      [null, 'draft', 'resident'],
      ['draft', 'submitted', 'resident'],
      ['submitted', 'in_review', 'agent'],
      ['in_review', 'waiting_resident', 'agent'],
      ['waiting_resident', 'in_review', 'resident'],
      ['in_review', 'approved', 'agent'],
    ]);
    // A decided request cannot go back.
    await decide(id, RequestStatus.InReview).expect(409);
    w.t.clock.set(new Date('2027-01-14T08:30:00+01:00'));
  });
});

describe('effects', () => {
  it('enrols the child in the activity (bookings), after which the family can book a day', async () => {
    const [lea] = w.children;
    const activities = (await as(w.parent).get('/api/activities').expect(200)).body as {
      id: string;
      code: string;
    }[];
    const morning = activities.find((a) => a.code === 'accueil-matin')!;
    const book = () =>
      as(w.parent)
        .put(`/api/children/${lea.id}/bookings`)
        .send({ changes: [{ date: '2027-01-25', activityId: morning.id, booked: true }] });
    // Not enrolled yet: the booking is refused.
    const before = await book();
    expect(before.status === 400 || before.body.outcomes?.[0]?.outcome === 'refused').toBe(true);
    expect(JSON.stringify(before.body)).toMatch(/inscri/i);
    const r = await submit(SeededRequestTypeCode.ActivityEnrolment, {
      childId: lea.id,
      activityId: morning.id,
    });
    const approved = (await decide(r.id, RequestStatus.Approved, 'Inscription validée.').expect(200)).body;
    expect(approved.outcome).toMatch(/Léa est inscrit·e à « Accueil du matin »/);
    const enrolments = (await as(w.parent).get(`/api/children/${lea.id}/enrollments`).expect(200)).body as {
      activityId: string;
      status: string;
      siteId: string;
    }[];
    // At the child's school today (the school enrolment above may have moved her).
    const [{ school_site_id: school }] = await w.t.dataSource.query(
      `SELECT school_site_id FROM children WHERE id = $1`,
      [lea.id],
    );
    expect(enrolments.find((e) => e.activityId === morning.id)).toMatchObject({
      status: 'approved',
      siteId: school,
    });
    expect((await book().expect(200)).body.outcomes[0].outcome).toBe('booked');
  });

  it('records the quotient familial with its effective date, closing the running period', async () => {
    const r = await submit(SeededRequestTypeCode.QuotientUpdate, { cafNumber: '1234567', quotient: 620 });
    await decide(r.id, RequestStatus.Approved, undefined, { effectiveFrom: '2027-02-01' }).expect(200);
    const rows = await w.t.dataSource.query(
      `SELECT value, to_char(effective_from, 'YYYY-MM-DD') AS "from", to_char(effective_to, 'YYYY-MM-DD') AS "to"
         FROM quotients WHERE household_id = $1 AND status = 'validated' ORDER BY effective_from`,
      [w.householdId],
    );
    expect(rows).toEqual([
      { value: 850, from: '2026-09-01', to: '2027-01-31' },
      { value: 620, from: '2027-02-01', to: null },
    ]);
  });

  it('produces the attestation de présence as a PDF the family downloads', async () => {
    const [lea] = w.children;
    const r = await submit(SeededRequestTypeCode.Certificate, { kind: 'presence', childId: lea.id });
    const view = (await decide(r.id, RequestStatus.Approved).expect(200)).body;
    const pdf = view.attachments.find((a: { source: string }) => a.source === 'generated');
    expect(pdf.mimeType).toBe('application/pdf');
    const res = await as(w.parent)
      .get(`/api/requests/${r.id}/documents/${pdf.id}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Attestation de présence');
    expect(text).toContain(`${lea.first_name} Durand`);
    expect(text).toContain(r.number);
  });

  it('produces the attestation de paiement from the payments of the year, with their total', async () => {
    // The seed's paid invoice (sandbox payment in December 2026), and a cheque at the counter this
    // year (2027) that the 2026 attestation must leave out.
    const invoices = (await as(w.parent).get('/api/invoices').expect(200)).body as {
      id: string;
      number: string;
      totalCents: number;
      paidCents: number;
    }[];
    const paid = invoices.find((i) => i.paidCents > 0)!;
    const unpaid = invoices.find((i) => i.paidCents === 0)!;
    await as(w.agent)
      .post('/api/agent/payments/counter')
      .send({ invoiceId: unpaid.id, method: 'cheque', amountCents: 1234, receiptNumber: 'Q-2027-0099' })
      .expect(201);
    const settled = (await w.t.dataSource.query(
      `SELECT to_char(settled_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY') AS day FROM payments
        WHERE household_id = $1 AND state = 'paid' AND invoice_id = $2`,
      [w.householdId, paid.id],
    )) as { day: string }[];
    expect(settled).toHaveLength(1);
    expect(settled[0].day.endsWith('/2026')).toBe(true);

    const r = await submit(SeededRequestTypeCode.Certificate, { kind: 'paiement', year: 2026 });
    const view = (await decide(r.id, RequestStatus.Approved).expect(200)).body;
    const pdf = view.attachments.find((a: { source: string }) => a.source === 'generated');
    const res = await as(w.parent)
      .get(`/api/requests/${r.id}/documents/${pdf.id}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    // Spaces of any kind (the amounts use narrow no-break spaces) read as one plain space.
    const text = pdfText(res.body as Buffer).replace(/[\s\u00a0\u202f]+/g, ' ');
    const euros = (cents: number) => formatEuros(cents).replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(text).toContain('Attestation de paiement');
    expect(text).toContain(r.number);
    expect(text).toContain(`au titre de l’année 2026 la somme de ${euros(paid.totalCents)}`);
    expect(text).toContain(
      `${settled[0].day} – Paiement en ligne – facture ${paid.number} : ${euros(paid.totalCents)}`,
    );
    expect(text).not.toContain(unpaid.number);
    expect(text).not.toContain(euros(1234));
  });

  it('refuses the attestation de paiement with 409 for a year without any payment, and changes nothing', async () => {
    const r = await submit(SeededRequestTypeCode.Certificate, { kind: 'paiement', year: 2024 });
    const refused = await decide(r.id, RequestStatus.Approved).expect(409);
    expect(refused.body.message).toMatch(/Aucun paiement .* en 2024/);
    expect((await as(w.parent).get(`/api/requests/${r.id}`).expect(200)).body.status).toBe(
      RequestStatus.Submitted,
    );
  });

  it('changes the household’s address once the family answered the seeded question', async () => {
    // One open change of address at a time: the seeded one waits for the parent.
    await as(w.parent)
      .post('/api/requests')
      .send({ typeCode: SeededRequestTypeCode.AddressChange, data: { line1: '1 rue Neuve' } })
      .expect(409);
    const [waiting] = (await as(w.parent).get('/api/requests?status=waiting_resident').expect(200)).body as {
      id: string;
    }[];
    const proof = await as(w.parent)
      .post(`/api/requests/${waiting.id}/documents`)
      .attach('file', PDF, { filename: 'facture-énergie.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(proof.body.fileName).toBe('facture-énergie.pdf');
    await as(w.parent)
      .post(`/api/requests/${waiting.id}/messages`)
      .send({ body: 'Voici la facture.', attachmentIds: [proof.body.id] })
      .expect(201);
    await decide(waiting.id, RequestStatus.Approved, 'Justificatif vérifié.').expect(200);
    const household = (await as(w.parent).get('/api/household').expect(200)).body;
    expect(household.address).toMatchObject({
      line1: '3 allée des Peupliers',
      postalCode: '94999',
      inCommune: true,
    });
  });

  it('records the crèche commission’s decision', async () => {
    const hugo = w.children[1];
    const r = await submit(SeededRequestTypeCode.CrechePlace, {
      childId: hugo.id,
      wishes: ['creche-arc-en-ciel', 'creche-les-lutins'],
      desiredStartOn: '2027-03-01',
      daysPerWeek: 4,
    });
    await decide(r.id, RequestStatus.Approved, 'Commission du 20 janvier', { crecheCode: 'unknown' }).expect(
      400,
    );
    const view = (
      await decide(r.id, RequestStatus.Approved, 'Commission du 20 janvier', {
        crecheCode: 'creche-les-lutins',
        startOn: '2027-04-01',
      }).expect(200)
    ).body;
    expect(view.outcome).toBe(
      'La commission attribue une place à « Crèche Les Lutins » à partir du jeudi 1 avril 2027 (vœu n° 2).',
    );
  });

  it('answers a free message with no effect', async () => {
    const r = await submit(SeededRequestTypeCode.FreeMessage, {
      subject: 'Horaires',
      message: 'Quels horaires ?',
    });
    const view = (await decide(r.id, RequestStatus.Approved, 'La mairie ouvre de 8 h 30 à 17 h.').expect(200))
      .body;
    expect(view.outcome).toBeNull();
    expect(view.decisionReason).toBe('La mairie ouvre de 8 h 30 à 17 h.');
  });
});

describe('bad input', () => {
  it('names each wrong field of a submission in French and stores nothing', async () => {
    const before = await countRows(w.t, 'requests');
    const res = await as(w.parent)
      .post('/api/requests')
      .send({
        typeCode: SeededRequestTypeCode.CrechePlace,
        data: { wishes: 'lutins', desiredStartOn: '31/02/2027', daysPerWeek: 9, pets: 'chat' },
        submit: true,
      })
      .expect(400);
    const fields = Object.fromEntries(
      (res.body.fields as { field: string; messages: string[] }[]).map((f) => [f.field, f.messages]),
    );
    expect(Object.keys(fields).sort()).toEqual(
      ['data.childId', 'data.daysPerWeek', 'data.desiredStartOn', 'data.pets', 'data.wishes'].sort(),
    );
    expect(fields['data.childId']).toEqual(['est obligatoire']);
    expect(fields['data.pets']).toEqual(['n’est pas un champ de ce formulaire']);
    expect(fields['data.daysPerWeek'][0]).toMatch(/doit être <= 5/);
    expect(fields['data.wishes'][0]).toMatch(/doit être de type array/);
    expect(await countRows(w.t, 'requests')).toBe(before);
  });

  it('refuses a child of another household', async () => {
    const other = resident(w.t);
    const sites = (await w.t.http.get('/api/sites').expect(200)).body as { id: string }[];
    const theirChild = await as(other)
      .post('/api/household/children')
      .send({
        firstName: 'Zoé',
        lastName: 'Autre',
        birthDate: '2019-01-01',
        sex: 'F',
        diet: 'none',
        photoConsent: false,
      })
      .expect(201);
    const res = await as(w.parent)
      .post('/api/requests')
      .send({
        typeCode: SeededRequestTypeCode.SchoolEnrolment,
        data: { childId: theirChild.body.id, schoolSiteId: sites[0].id, classLevel: 'CP' },
        submit: true,
      })
      .expect(400);
    expect(res.body.fields).toEqual([
      { field: 'data.childId', messages: ['ne désigne pas un enfant de votre foyer'] },
    ]);
  });

  it('refuses a file above the field’s limit', async () => {
    const draft = (
      await as(w.parent)
        .post('/api/requests')
        .send({ typeCode: SeededRequestTypeCode.FreeMessage, data: { subject: 'Pièce' } })
        .expect(201)
    ).body;
    // 6 MB: accepted as an attachment (10 MB), refused by the QF form's 5 MB field.
    const big = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const qfDraft = (
      await as(w.parent)
        .post('/api/requests')
        .send({ typeCode: SeededRequestTypeCode.QuotientUpdate, data: { cafNumber: '7654321' } })
        .expect(201)
    ).body;
    const attachment = await as(w.parent)
      .post(`/api/requests/${qfDraft.id}/documents`)
      .attach('file', big, { filename: 'attestation.pdf', contentType: 'application/pdf' })
      .expect(201);
    const res = await as(w.parent)
      .put(`/api/requests/${qfDraft.id}`)
      .send({ data: { cafNumber: '7654321', quotient: 700, attestationFile: attachment.body.id } })
      .expect(400);
    expect(res.body.fields).toEqual([
      { field: 'data.attestationFile', messages: ['dépasse la taille maximale autorisée (5 Mo)'] },
    ]);
    // Not a PDF/JPEG/PNG by its content: refused like a family document.
    await as(w.parent)
      .post(`/api/requests/${draft.id}/documents`)
      .attach('file', Buffer.from('MZ executable'), { filename: 'x.pdf', contentType: 'application/pdf' })
      .expect(400);
    await as(w.parent).post(`/api/requests/${draft.id}/withdraw`).send({}).expect(200);
    await as(w.parent).post(`/api/requests/${qfDraft.id}/withdraw`).send({}).expect(200);
  });

  it('refuses an unknown type, a second open request of a single-open type, and other households’ requests', async () => {
    await as(w.parent).post('/api/requests').send({ typeCode: 'nope', data: {} }).expect(400);
    const first = await as(w.parent)
      .post('/api/requests')
      .send({ typeCode: SeededRequestTypeCode.CrechePlace, data: {} })
      .expect(201);
    await as(w.parent)
      .post('/api/requests')
      .send({ typeCode: SeededRequestTypeCode.CrechePlace, data: {} })
      .expect(409);
    const other = resident(w.t);
    await as(other).get(`/api/requests/${first.body.id}`).expect(404);
    await as(other).post(`/api/requests/${first.body.id}/submit`).expect(404);
    // A draft is the family's own: agents do not see it either.
    await as(w.agent).get(`/api/admin/requests/${first.body.id}`).expect(404);
    // An agent of another scope does not see it either.
    const billing = signIn(w.t, Role.Agent, [AgentScope.Facturation]);
    await as(w.parent).post(`/api/requests/${first.body.id}/withdraw`).send({}).expect(200);
    const school = await submit(SeededRequestTypeCode.FreeMessage, { subject: 'Bonjour', message: 'Test' });
    await as(billing).get(`/api/admin/requests/${school.id}`).expect(404);
  });

  it('allows only the table’s transitions (409) and needs a reason to refuse or ask (400)', async () => {
    const r = await submit(SeededRequestTypeCode.FreeMessage, { subject: 'Objet', message: 'Texte' });
    await decide(r.id, RequestStatus.Refused).expect(400);
    await decide(r.id, RequestStatus.Submitted).expect(409);
    await decide(r.id, RequestStatus.Closed).expect(409);
    const refused = (await decide(r.id, RequestStatus.Refused, 'Hors compétence de la commune.').expect(200))
      .body;
    expect(refused.allowedTransitions).toEqual([RequestStatus.Closed]);
    await as(w.parent).post(`/api/requests/${r.id}/withdraw`).send({}).expect(409);
    expect((await inbox(w.t, w.parent.id, NotificationTopic.RequestDecision))[0].body).toMatch(
      /Hors compétence/,
    );
    await decide(r.id, RequestStatus.Closed).expect(200);
  });
});

describe('request types (admin)', () => {
  const valid = () => ({
    code: 'permis-de-stationner',
    title: 'Permis de stationner',
    description: 'Pour un déménagement.',
    scope: 'demarches',
    effect: 'none',
    targetDays: 10,
    form: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date', title: 'Date' },
        street: { type: 'string', title: 'Rue', maxLength: 200 },
      },
      required: ['date', 'street'],
      additionalProperties: false,
    },
  });

  it('saves a valid definition, which the catalogue then offers', async () => {
    await as(w.admin).post('/api/admin/request-types').send(valid()).expect(201);
    const types = (await as(w.parent).get('/api/request-types').expect(200)).body as { code: string }[];
    expect(types.map((t) => t.code)).toContain('permis-de-stationner');
    await as(w.agent).post('/api/admin/request-types').send(valid()).expect(403);
  });

  it.each([
    ['a field without title', (f: any) => delete f.properties.street.title, 'form.properties.street.title'],
    [
      'an unknown portal kind',
      (f: any) => (f.properties.street['x-foyer-kind'] = 'pet'),
      'form.properties.street.x-foyer-kind',
    ],
    ['an unknown keyword', (f: any) => (f.properties.street.maxLenght = 3), 'form'],
    ['a required field that does not exist', (f: any) => f.required.push('ghost'), 'form.required.2'],
    ['unknown fields allowed', (f: any) => delete f.additionalProperties, 'form.additionalProperties'],
    [
      'a meta-schema violation',
      (f: any) => (f.properties.street.maxLength = -1),
      'form.properties.street.maxLength',
    ],
  ])('refuses %s, naming where', async (_label, change, field) => {
    const body = valid();
    body.code = `type-${Math.random().toString(36).slice(2, 8)}`;
    change(body.form);
    const res = await as(w.admin).post('/api/admin/request-types').send(body).expect(400);
    expect((res.body.fields as { field: string }[]).map((f) => f.field)).toContain(field);
  });

  it('refuses a form missing the fields its effect needs', async () => {
    const body = { ...valid(), code: 'inscription-bis', effect: 'school_enrolment' };
    const res = await as(w.admin).post('/api/admin/request-types').send(body).expect(400);
    expect((res.body.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'form.properties.childId',
      'form.properties.schoolSiteId',
    ]);
  });
});

describe('the back office', () => {
  it('files on a resident’s behalf, assigns, keeps notes from the resident, and sends the daily digest', async () => {
    const filed = (
      await as(w.agent)
        .post('/api/admin/requests')
        .send({
          householdId: w.householdId,
          typeCode: SeededRequestTypeCode.FreeMessage,
          data: { subject: 'Appel', message: 'Question posée au téléphone' },
          channel: 'phone',
        })
        .expect(201)
    ).body;
    expect(filed).toMatchObject({
      status: RequestStatus.Submitted,
      channel: 'phone',
      filedByLabel: expect.any(String),
    });
    await as(w.agent)
      .post(`/api/admin/requests/${filed.id}/assign`)
      .send({ assigneeId: w.parent.id })
      .expect(400);
    const assigned = (
      await as(w.agent)
        .post(`/api/admin/requests/${filed.id}/assign`)
        .send({ assigneeId: w.agent.id })
        .expect(200)
    ).body;
    expect(assigned.assigneeId).toBe(w.agent.id);
    await as(w.agent)
      .post(`/api/admin/requests/${filed.id}/notes`)
      .send({ body: 'Rappeler jeudi' })
      .expect(201);
    const seen = (await as(w.parent).get(`/api/requests/${filed.id}`).expect(200)).body;
    expect(JSON.stringify(seen)).not.toContain('Rappeler jeudi');
    const mine = (await as(w.agent).get('/api/admin/requests?assignee=me').expect(200)).body;
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(filed.id);

    const dashboard = (await as(w.agent).get('/api/admin/requests/dashboard').expect(200)).body;
    expect(dashboard.mine).toBeGreaterThan(0);
    expect(dashboard.byStatus.approved).toBeGreaterThan(0);
    expect(dashboard.averageProcessingDays).not.toBeNull();

    expect(await w.t.app.get(AgentDigestJob).run()).toBeGreaterThan(0);
    expect((await inbox(w.t, w.agent.id, NotificationTopic.AgentDigest))[0].subject).toMatch(
      /Demandes à traiter/,
    );
  });

  it('links a document of the family file and lets the family download it', async () => {
    const doc = await upload(w.t, w.parent, DocumentType.ProofOfAddress, PDF).expect(201);
    const r = await submit(SeededRequestTypeCode.FreeMessage, { subject: 'Doc', message: 'Ci-joint' });
    const link = await as(w.parent)
      .post(`/api/requests/${r.id}/family-documents`)
      .send({ documentId: doc.body.id })
      .expect(201);
    await as(w.parent).get(`/api/requests/${r.id}/documents/${link.body.id}`).expect(200);
    await as(w.agent).get(`/api/admin/requests/${r.id}/documents/${link.body.id}`).expect(200);
    const other = resident(w.t);
    await as(other).get(`/api/requests/${r.id}/documents/${link.body.id}`).expect(404);
  });
});
