import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentType, DocumentView } from '@foyer/shared/contracts';
import { IsoDate } from '@foyer/shared/domain';
import {
  AuditService,
  AuthenticatedUser,
  Clock,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '@foyer/api/core';
import { readableTypes } from './document-access';
import { UploadDocumentDto } from './dto/document.dto';
import { ChildEntity, DocumentEntity } from './entities';
import { Actor, HouseholdAccess } from './household-access';
import { toDocumentView } from './mappers';
import { detectMime, DocumentStorage } from './storage/document-storage';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The part of a Multer file the service reads (memory storage). */
export interface UploadedDocumentFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const EXTENSIONS: Record<DocumentEntity['mimeType'], string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/** A file name safe to show and to put in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string, mime: DocumentEntity['mimeType']): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 150);
  return base.length > 0 ? base : `document${EXTENSIONS[mime]}`;
}

/** The same day n months later, or the month's last day (31 May + 3 months = 31 August, 30 Nov + 3 = 28 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdAccess,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Default validity when the family gives none: a proof of address is valid 3 months. */
  private defaultExpiry(type: DocumentType): string | null {
    const today = this.clock.today();
    switch (type) {
      case DocumentType.ProofOfAddress:
        return addMonths(today, 3);
      case DocumentType.CafAttestation:
        return addMonths(today, 12);
      default:
        return null;
    }
  }

  async upload(
    householdId: string,
    file: UploadedDocumentFile | undefined,
    dto: UploadDocumentDto,
    actor: Actor,
  ): Promise<DocumentView> {
    if (!file || file.size === 0) throw new InvalidInputError('Joignez un fichier PDF, JPEG ou PNG.', 'file');
    if (file.size > MAX_DOCUMENT_BYTES) {
      throw new InvalidInputError('Le fichier dépasse la taille maximale de 10 Mo.', 'file');
    }
    // The content decides, never the name or the declared type.
    const mime = detectMime(file.buffer);
    if (!mime) {
      throw new InvalidInputError(
        'Le fichier doit être un PDF, une image JPEG ou une image PNG : son contenu ne correspond à aucun de ces formats.',
        'file',
      );
    }
    const today = this.clock.today();
    if (dto.expiresOn && dto.expiresOn < today) {
      throw new InvalidInputError('La date d’expiration est déjà passée.', 'expiresOn');
    }
    if (dto.childId) {
      const child = await this.dataSource
        .getRepository(ChildEntity)
        .findOneBy({ id: dto.childId, householdId });
      if (!child) throw new NotFoundError('Cet enfant est introuvable.');
    }
    const key = await this.storage.put(file.buffer);
    try {
      return await this.dataSource.transaction(async (m) => {
        await this.households.lockHousehold(m, householdId);
        const document = await m.getRepository(DocumentEntity).save(
          m.getRepository(DocumentEntity).create({
            householdId,
            childId: dto.childId ?? null,
            type: dto.type,
            storageKey: key,
            fileName: cleanFileName(file.originalname, mime),
            mimeType: mime,
            sizeBytes: file.size,
            expiresOn: dto.expiresOn ?? this.defaultExpiry(dto.type),
            uploadedBy: actor.id,
          }),
        );
        const view = toDocumentView(document, today);
        await this.audit.record(
          {
            actor,
            action: 'document.upload',
            entity: 'document',
            entityId: document.id,
            householdId,
            details: {
              type: view.type,
              fileName: view.fileName,
              childId: view.childId,
              expiresOn: view.expiresOn,
            },
          },
          m,
        );
        return view;
      });
    } catch (error) {
      // No row, no file.
      await this.storage
        .delete(key)
        .catch((e: unknown) => this.logger.error({ err: e }, 'orphan file not removed'));
      throw error;
    }
  }

  async list(householdId: string, types?: Set<DocumentType>): Promise<DocumentView[]> {
    const today = this.clock.today();
    const rows = await this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { householdId }, order: { uploadedAt: 'DESC', id: 'ASC' } });
    return rows.filter((d) => !types || types.has(d.type)).map((d) => toDocumentView(d, today));
  }

  async content(
    householdId: string,
    documentId: string,
  ): Promise<{ document: DocumentEntity; content: Buffer }> {
    const document = await this.dataSource
      .getRepository(DocumentEntity)
      .findOneBy({ id: documentId, householdId });
    if (!document) throw new NotFoundError('Ce document est introuvable.');
    return { document, content: await this.storage.get(document.storageKey) };
  }

  /** An agent lists only the types their scope lets them read. */
  async listForAgent(householdId: string, user: AuthenticatedUser): Promise<DocumentView[]> {
    const types = readableTypes(user);
    if (types.size === 0)
      throw new ForbiddenError('Votre périmètre ne donne pas accès aux justificatifs des familles.');
    await this.households.requireHousehold(householdId);
    return this.list(householdId, types);
  }

  async contentForAgent(
    householdId: string,
    documentId: string,
    user: AuthenticatedUser,
  ): Promise<{ document: DocumentEntity; content: Buffer }> {
    const types = readableTypes(user);
    if (types.size === 0)
      throw new ForbiddenError('Votre périmètre ne donne pas accès aux justificatifs des familles.');
    const document = await this.dataSource
      .getRepository(DocumentEntity)
      .findOneBy({ id: documentId, householdId });
    if (!document) throw new NotFoundError('Ce document est introuvable.');
    if (!types.has(document.type)) {
      throw new ForbiddenError('Votre périmètre ne donne pas accès à ce type de justificatif.');
    }
    return { document, content: await this.storage.get(document.storageKey) };
  }
}
