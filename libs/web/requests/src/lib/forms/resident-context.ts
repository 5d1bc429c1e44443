import { inject, Injectable } from '@angular/core';
import { DOCUMENT_TYPE_LABELS } from '@foyer/web/households';
import { RequestsApi } from '../data-access/requests-api';
import type { SchemaFormContext, SchemaOption } from './schema-context';

/**
 * The resident's context for a form: their children and family documents, and uploads attached to the
 * request. A file needs a request to hang on: the page says how to get one (it saves the draft first).
 */
@Injectable()
export class ResidentSchemaContext implements SchemaFormContext {
  private readonly api = inject(RequestsApi);
  /** Set by the page: the request's id, saving a draft first when there is none yet. */
  ensureRequest: () => Promise<string> = () => Promise.reject(new Error('no request'));

  async children(): Promise<SchemaOption[]> {
    const household = await this.api.household();
    return household.children.map((child) => ({
      value: child.id,
      label: `${child.firstName} ${child.lastName}`,
    }));
  }

  async documents(types?: string[]): Promise<SchemaOption[]> {
    const documents = await this.api.familyDocuments();
    return documents
      .filter((document) => !types || types.includes(document.type))
      .map((document) => ({
        value: document.id,
        label: `${DOCUMENT_TYPE_LABELS[document.type] ?? document.type} — ${document.fileName}`,
      }));
  }

  async upload(file: File): Promise<SchemaOption> {
    const id = await this.ensureRequest();
    const attachment = await this.api.upload(id, file);
    return { value: attachment.id, label: attachment.fileName };
  }
}
