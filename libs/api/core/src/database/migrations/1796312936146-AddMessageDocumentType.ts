import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMessageDocumentType1796312936146 implements MigrationInterface {
  name = 'AddMessageDocumentType1796312936146';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_messages" ADD "document_type" text`);
    // Reminders sent before: their type from the label their subject ends with (as the rule wrote it).
    await queryRunner.query(`UPDATE "notification_messages" m SET "document_type" = l.type
      FROM (VALUES ('proof_of_address', 'Justificatif de domicile'), ('caf_attestation', 'Attestation CAF'),
                   ('tax_notice', 'Avis d’imposition'), ('pai', 'Projet d’accueil individualisé (PAI)'),
                   ('vaccination', 'Carnet de vaccination'), ('insurance', 'Attestation d’assurance'))
             AS l(type, label)
     WHERE m."topic" = 'document-expiring' AND m."subject" = 'Justificatif bientôt expiré : ' || l.label`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_messages" DROP COLUMN "document_type"`);
  }
}
