import { AgentScope, DocumentType } from '@foyer/shared/contracts';
import {
  agent,
  Caller,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  JPEG,
  PDF,
  PNG,
  resident,
  upload,
} from './support';

describe('household documents', () => {
  let t: HouseholdsTestApp;
  let family: Caller;
  let householdId: string;

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    family = resident(t);
    householdId = (await t.http.get('/api/household').set('Authorization', family.auth).expect(200)).body.id;
  });
  afterAll(() => t.close());

  async function documentRows(): Promise<number> {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM household_documents`);
    return n;
  }

  it('refuses a file renamed to .pdf that is not a PDF, naming the field, and stores nothing', async () => {
    const fake = Buffer.from('MZ\x90\x00 this is an executable renamed to look like a PDF');
    const res = await upload(t, family, DocumentType.Insurance, fake, 'attestation.pdf').expect(400);
    expect(res.body.fields).toEqual([
      {
        field: 'file',
        messages: [
          'Le fichier doit être un PDF, une image JPEG ou une image PNG : son contenu ne correspond à aucun de ces formats.',
        ],
      },
    ]);
    expect(await documentRows()).toBe(0);
    expect(t.storedFiles()).toEqual([]);
  });

  it('refuses a request without a file, naming the field', async () => {
    const res = await t.http
      .post('/api/household/documents')
      .set('Authorization', family.auth)
      .field('type', DocumentType.Insurance)
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'file', messages: ['Joignez un fichier PDF, JPEG ou PNG.'] }]);
    expect(t.storedFiles()).toEqual([]);
  });

  it('refuses a file above 10 MB with 413 in French, never 500, and stores nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const res = await upload(t, family, DocumentType.TaxNotice, big, 'avis.pdf');
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('Le fichier dépasse la taille maximale de 10 Mo.');
    expect(res.body.fields).toEqual([
      { field: 'file', messages: ['Le fichier dépasse la taille maximale de 10 Mo.'] },
    ]);
    expect(await documentRows()).toBe(0);
    expect(t.storedFiles()).toEqual([]);
  });

  it('refuses a file sent in another field, or two files, naming the field', async () => {
    const other = await t.http
      .post('/api/household/documents')
      .set('Authorization', family.auth)
      .field('type', DocumentType.Insurance)
      .attach('document', PDF, 'a.pdf')
      .expect(400);
    expect(other.body.fields).toEqual([
      { field: 'file', messages: ['Envoyez un seul fichier PDF, JPEG ou PNG, dans le champ « file ».'] },
    ]);
    await t.http
      .post('/api/household/documents')
      .set('Authorization', family.auth)
      .field('type', DocumentType.Insurance)
      .attach('file', PDF, 'a.pdf')
      .attach('file', PDF, 'b.pdf')
      .expect(400);
    expect(await documentRows()).toBe(0);
    expect(t.storedFiles()).toEqual([]);
  });

  it('refuses an unknown type, naming the field, and stores nothing', async () => {
    const res = await upload(t, family, 'passport' as DocumentType, PDF).expect(400);
    expect(res.body.fields).toEqual([{ field: 'type', messages: ["n'est pas une valeur autorisée"] }]);
    expect(t.storedFiles()).toEqual([]);
  });

  it('detects the type from the content, whatever the name and declared type say', async () => {
    const png = await upload(t, family, DocumentType.Vaccination, PNG, 'carnet.pdf', {
      expiresOn: '2027-12-31',
    }).expect(201);
    expect(png.body).toMatchObject({
      type: 'vaccination',
      mimeType: 'image/png',
      fileName: 'carnet.pdf',
      sizeBytes: PNG.length,
    });
    const jpeg = await upload(t, family, DocumentType.Insurance, JPEG, '../../etc/assurance.jpg', {
      expiresOn: '2027-01-31',
    }).expect(201);
    expect(jpeg.body).toMatchObject({
      mimeType: 'image/jpeg',
      fileName: 'assurance.jpg',
      expiringSoon: true,
      expired: false,
    });
    // Stored under random ids, never the family's names.
    const files = t.storedFiles();
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a proof of address three months of validity and lists what expires within 30 days', async () => {
    const proof = await upload(t, family, DocumentType.ProofOfAddress, PDF, 'facture-edf.pdf').expect(201);
    expect(proof.body.expiresOn).toBe('2027-04-14');
    const household = (await t.http.get('/api/household').set('Authorization', family.auth).expect(200)).body;
    expect(household.documentsExpiringSoon.map((d: { fileName: string }) => d.fileName)).toEqual([
      'assurance.jpg',
    ]);
    t.clock.set('2027-03-20T10:00:00+01:00');
    const later = (await t.http.get('/api/household').set('Authorization', family.auth).expect(200)).body;
    expect(
      later.documentsExpiringSoon.map((d: { fileName: string; expired: boolean }) => [d.fileName, d.expired]),
    ).toEqual([
      ['assurance.jpg', true],
      ['facture-edf.pdf', false],
    ]);
    t.clock.set('2027-01-14T08:30:00+01:00');
  });

  it('streams the file back as an attachment with the detected content type', async () => {
    const list = (await t.http.get('/api/household/documents').set('Authorization', family.auth).expect(200))
      .body;
    const png = list.find((d: { mimeType: string }) => d.mimeType === 'image/png');
    const res = await t.http
      .get(`/api/household/documents/${png.id}/content`)
      .set('Authorization', family.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="carnet.pdf"; filename*=UTF-8''carnet.pdf`,
    );
    expect((res.body as Buffer).equals(PNG)).toBe(true);
  });

  describe('read by agents according to their scope', () => {
    let paiId: string;
    let taxId: string;

    beforeAll(async () => {
      paiId = (await upload(t, family, DocumentType.Pai, PDF, 'pai.pdf').expect(201)).body.id;
      taxId = (await upload(t, family, DocumentType.TaxNotice, PDF, 'avis-imposition.pdf').expect(201)).body
        .id;
    });

    it('lets an enfance agent read a PAI but not a tax notice', async () => {
      const enfance = agent(t, AgentScope.Enfance);
      const list = (
        await t.http
          .get(`/api/agent/households/${householdId}/documents`)
          .set('Authorization', enfance.auth)
          .expect(200)
      ).body;
      const types = list.map((d: { type: string }) => d.type).sort();
      expect(types).toEqual(['insurance', 'pai', 'proof_of_address', 'vaccination']);
      const pai = await t.http
        .get(`/api/agent/households/${householdId}/documents/${paiId}/content`)
        .set('Authorization', enfance.auth)
        .expect(200);
      expect(pai.headers['content-type']).toBe('application/pdf');
      const tax = await t.http
        .get(`/api/agent/households/${householdId}/documents/${taxId}/content`)
        .set('Authorization', enfance.auth)
        .expect(403);
      expect(tax.body.message).toBe('Votre périmètre ne donne pas accès à ce type de justificatif.');
    });

    it('lets a facturation agent read the tax notice but not the PAI', async () => {
      const facturation = agent(t, AgentScope.Facturation);
      const list = (
        await t.http
          .get(`/api/agent/households/${householdId}/documents`)
          .set('Authorization', facturation.auth)
          .expect(200)
      ).body;
      expect(list.map((d: { type: string }) => d.type).sort()).toEqual(['proof_of_address', 'tax_notice']);
      await t.http
        .get(`/api/agent/households/${householdId}/documents/${taxId}/content`)
        .set('Authorization', facturation.auth)
        .expect(200);
      await t.http
        .get(`/api/agent/households/${householdId}/documents/${paiId}/content`)
        .set('Authorization', facturation.auth)
        .expect(403);
    });

    it('gives a démarches agent 403 on every document', async () => {
      const demarches = agent(t, AgentScope.Demarches);
      await t.http
        .get(`/api/agent/households/${householdId}/documents`)
        .set('Authorization', demarches.auth)
        .expect(403);
      await t.http
        .get(`/api/agent/households/${householdId}/documents/${paiId}/content`)
        .set('Authorization', demarches.auth)
        .expect(403);
      await t.http
        .get(`/api/agent/households/${householdId}/documents/${taxId}/content`)
        .set('Authorization', demarches.auth)
        .expect(403);
    });
  });
});
