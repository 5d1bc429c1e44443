import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { DocumentType, type DocumentView } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  saveFile,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { HouseholdStore } from '../data-access/household-store';
import { HouseholdsApi } from '../data-access/households-api';
import { DocumentTable } from '../ui/document-table';
import { FrenchCalendarHeader, isoDateOf } from '../ui/french-dates';
import { documentFileProblem, FileField } from '../ui/file-field';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '../ui/labels';

@Component({
  selector: 'foyer-documents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
    DocumentTable,
    FileField,
  ],
  template: `
    <p>
      <a routerLink="/famille" i18n="@@households.documents.back"
        ><span aria-hidden="true">← </span>Vue d'ensemble de la famille</a
      >
    </p>
    <h1 i18n="@@households.documents.title">Mes documents</h1>
    <p class="lead" i18n="@@households.documents.lead">
      Vos justificatifs restent visibles par vous et par les seuls agents de la mairie qui en ont besoin.
    </p>

    <section class="panel" aria-labelledby="upload-title">
      <h2 id="upload-title" i18n="@@households.documents.uploadTitle">Déposer un document</h2>
      <foyer-status-message [message]="upload.status()" />
      <foyer-error-alert [message]="upload.error()" />
      <form class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@households.documents.type">Type de document</mat-label>
            <mat-select
              formControlName="type"
              placeholder="Choisissez un type"
              i18n-placeholder="@@households.documents.typePlaceholder"
              required
            >
              @for (type of types; track type) {
                <mat-option [value]="type">{{ typeLabels[type] }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.type) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@households.documents.concerns">Concerne</mat-label>
            <mat-select formControlName="childId">
              <mat-option value="" i18n="@@households.documents.wholeFamily">Toute la famille</mat-option>
              @for (child of store.children(); track child.id) {
                <mat-option [value]="child.id">{{ child.firstName }} {{ child.lastName }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.childId) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@households.documents.expiresOn">Date d'expiration (facultatif)</mat-label>
            <input matInput [matDatepicker]="expiryPicker" formControlName="expiresOn" [min]="todayDate" />
            <mat-datepicker-toggle matIconSuffix [for]="expiryPicker" />
            <mat-datepicker #expiryPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-hint i18n="@@households.documents.expiresOnHint"
              >Par exemple la fin de validité d'une attestation d'assurance.</mat-hint
            >
            <mat-error>{{ errorOf(form.controls.expiresOn, dateMessages) }}</mat-error>
          </mat-form-field>
        </div>
        <foyer-file-field
          label="Fichier"
          i18n-label="@@households.documents.file"
          [error]="fileError()"
          (fileChange)="onFile($event)"
        />
        <div class="form-actions">
          <button
            mat-flat-button
            type="submit"
            [disabled]="upload.busy()"
            i18n="@@households.documents.submit"
          >
            Envoyer le document
          </button>
        </div>
      </form>
    </section>

    <section class="panel" aria-labelledby="list-title">
      <h2 id="list-title" i18n="@@households.documents.listTitle">Documents déposés</h2>
      <foyer-error-alert [message]="listError()" />
      <foyer-error-alert [message]="downloadError()" />
      @if (loaded()) {
        <foyer-document-table
          [documents]="documents()"
          [children]="store.children()"
          caption="Tableau des documents déposés"
          i18n-caption="@@households.documents.caption"
          [downloadable]="true"
          (download)="download($event)"
        />
      } @else {
        <p role="status" i18n="@@households.documents.loading">Chargement des documents…</p>
      }
    </section>
  `,
})
export class DocumentsPage implements OnInit {
  protected readonly store = inject(HouseholdStore);
  private readonly api = inject(HouseholdsApi);
  private readonly document = inject(DOCUMENT);
  private readonly fileField = viewChild(FileField);

  protected readonly todayDate = new Date();
  protected readonly dateMessages = {
    matDatepickerMin: $localize`:@@households.documents.expiresOnPast:La date d'expiration doit être aujourd'hui ou plus tard.`,
    matDatepickerParse: $localize`:@@households.documents.dateParse:Saisissez une date, par exemple 31/08/2027.`,
  };
  protected readonly types = DOCUMENT_TYPES;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly documents = signal<DocumentView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly listError = signal<string | null>(null);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly upload = formState();
  protected readonly downloadError = signal<string | null>(null);
  /** Ids being fetched: a second click on the same button while it loads does nothing. */
  private readonly downloading = new Set<string>();
  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;

  protected readonly form = inject(NonNullableFormBuilder).group({
    type: ['' as DocumentType | '', [Validators.required]],
    childId: [''],
    expiresOn: ['' as string | Date],
  });

  ngOnInit(): void {
    if (!this.store.household()) void this.store.load();
    void this.loadDocuments();
  }

  protected onFile(file: File | null): void {
    this.file.set(file);
    this.fileError.set(file ? documentFileProblem(file) : null);
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const document = await submitForm({
      state: this.upload,
      form: this.form,
      invalidMessage: $localize`:@@households.documents.invalid:Le dépôt contient des erreurs. Corrigez les champs signalés.`,
      extraProblem: () => {
        this.fileError.set(documentFileProblem(this.file()));
        return this.fileError();
      },
      send: () =>
        this.api.uploadDocument(this.file() as File, {
          type: value.type as DocumentType,
          childId: value.childId || undefined,
          expiresOn: isoDateOf(value.expiresOn) || undefined,
        }),
      resetTo: { type: '', childId: '', expiresOn: '' },
      success: (saved) =>
        $localize`:@@households.documents.uploaded:Document « ${saved.fileName}:fileName: » déposé.`,
      onError: (error) => {
        const message = error.fields['file'];
        if (message) this.fileError.set(message);
        return message ? [message] : [];
      },
    });
    if (document) {
      this.fileField()?.clear();
      await this.loadDocuments();
      void this.store.load();
    }
  }

  protected async download(document: DocumentView): Promise<void> {
    if (this.downloading.has(document.id)) return;
    this.downloading.add(document.id);
    this.downloadError.set(null);
    try {
      const content = await this.api.documentContent(document.id);
      saveFile(this.document, content, document.fileName);
    } catch (failure) {
      this.downloadError.set(
        $localize`:@@households.documents.downloadFailed:Le téléchargement de « ${document.fileName}:fileName: » a échoué. ${toFormError(failure).message}:reason:`,
      );
    } finally {
      this.downloading.delete(document.id);
    }
  }

  private async loadDocuments(): Promise<void> {
    try {
      const documents = await this.api.documents();
      this.documents.set([...documents].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt)));
      this.listError.set(null);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    } finally {
      this.loaded.set(true);
    }
  }
}
