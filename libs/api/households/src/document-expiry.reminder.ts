import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, IsNull } from 'typeorm';
import { DocumentType, NotificationTopic } from '@foyer/shared/contracts';
import { addDays } from '@foyer/shared/domain';
import type { IsoDate } from '@foyer/shared/domain';
import { ReminderCandidate, ReminderScheduler } from '@foyer/api/notifications';
import { DocumentEntity } from './entities/document.entity';
import { HouseholdAccess } from './household-access';

/** A document expiring within this many days gets one reminder (the family page flags it too). */
export const DOCUMENT_REMINDER_DAYS = 30;

const LABELS: Record<DocumentType, string> = {
  [DocumentType.ProofOfAddress]: 'Justificatif de domicile',
  [DocumentType.CafAttestation]: 'Attestation CAF',
  [DocumentType.TaxNotice]: 'Avis d’imposition',
  [DocumentType.Pai]: 'Projet d’accueil individualisé (PAI)',
  [DocumentType.Vaccination]: 'Carnet de vaccination',
  [DocumentType.Insurance]: 'Attestation d’assurance',
};

/**
 * First rule of the daily reminders: each document of an open household that expires within
 * 30 days is reminded once to its guardians. The key holds the expiry date, so a document replaced
 * by one with a new date is reminded again when that one comes close.
 */
@Injectable()
export class DocumentExpiryReminder implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdAccess,
    private readonly scheduler: ReminderScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'documents.expiring',
      topic: NotificationTopic.DocumentExpiring,
      find: (today) => this.find(today),
    });
  }

  async find(today: IsoDate): Promise<ReminderCandidate<NotificationTopic.DocumentExpiring>[]> {
    const documents = await this.dataSource.getRepository(DocumentEntity).find({
      where: {
        expiresOn: Between(today, addDays(today, DOCUMENT_REMINDER_DAYS)),
        household: { closedAt: IsNull() },
      },
      relations: { household: true },
      order: { expiresOn: 'ASC', id: 'ASC' },
    });
    const guardians = await this.households.guardiansOf([...new Set(documents.map((d) => d.householdId))]);
    return documents.map((document) => ({
      householdId: document.householdId,
      objectKey: `${document.id}:${document.expiresOn}`,
      recipients: (guardians.get(document.householdId) ?? []).map((g) => ({
        userId: g.userId,
        email: g.email || null,
        householdId: document.householdId,
      })),
      data: {
        documentLabel: LABELS[document.type],
        documentType: document.type,
        expiresOn: document.expiresOn as string,
      },
    }));
  }
}
