import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type DocumentView,
  type RequestAttachmentView,
  RequestStatus,
  type RequestTypeView,
  type RequestView,
} from '@foyer/shared/contracts';
import {
  DayFrPipe,
  ErrorAlert,
  fieldErrorMessage,
  formState,
  InstantFrPipe,
  saveFile,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { DOCUMENT_TYPE_LABELS } from '@foyer/web/households';
import { RequestsApi } from '../data-access/requests-api';
import { fileProblem } from '../forms/schema-types';
import { answerLines, statusBadgeClass, statusExplanation, statusLabel } from '../ui/labels';
import { RequestAnswers, RequestAttachments, RequestHistory, RequestMessages } from '../ui/request-parts';

const DECIDED: RequestStatus[] = [RequestStatus.Approved, RequestStatus.Refused];
const FINISHED: RequestStatus[] = [...DECIDED, RequestStatus.Withdrawn, RequestStatus.Closed];

/** /demarches/:id: where a request stands, its conversation, its documents, its decision. */
@Component({
  selector: 'foyer-request-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DayFrPipe,
    InstantFrPipe,
    ErrorAlert,
    StatusMessage,
    RequestAnswers,
    RequestAttachments,
    RequestHistory,
    RequestMessages,
  ],
  templateUrl: './request-page.html',
  styles: `
    .status-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .decision {
      border-left-width: 6px;
    }
  `,
})
export class RequestPage {
  /** Route parameter. */
  readonly id = input.required<string>();
  /** ?envoyee=1 after the form sent the request. */
  readonly envoyee = input<string>();

  private readonly api = inject(RequestsApi);
  private readonly document = inject(DOCUMENT);

  protected readonly request = signal<RequestView | null>(null);
  protected readonly type = signal<RequestTypeView | null>(null);
  protected readonly childNames = signal<Record<string, string>>({});
  protected readonly familyDocuments = signal<DocumentView[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly pageStatus = signal<string | null>(null);
  protected readonly downloadError = signal<string | null>(null);

  protected readonly answerForm = formState('#answer-form');
  protected readonly documentForm = formState('#document-form');
  protected readonly withdrawForm = formState('#withdraw-form');
  protected readonly errorOf = fieldErrorMessage;
  protected readonly confirmingWithdraw = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);

  protected readonly message = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000)],
    }),
  });
  protected readonly attach = new FormGroup({
    documentId: new FormControl('', { nonNullable: true }),
  });
  protected readonly withdrawal = new FormGroup({
    comment: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
  });

  protected readonly statusText = computed(() => {
    const request = this.request();
    return request ? statusLabel(request.status) : '';
  });
  protected readonly badge = computed(() => statusBadgeClass(this.request()?.status ?? RequestStatus.Draft));
  protected readonly explanation = computed(() =>
    statusExplanation(this.request()?.status ?? RequestStatus.Draft),
  );
  protected readonly decided = computed(() => DECIDED.includes(this.request()?.status as RequestStatus));
  protected readonly open = computed(() => {
    const status = this.request()?.status;
    return !!status && !FINISHED.includes(status) && status !== RequestStatus.Draft;
  });
  protected readonly waiting = computed(() => this.request()?.status === RequestStatus.WaitingResident);
  protected readonly approved = computed(() => this.request()?.status === RequestStatus.Approved);
  protected readonly answers = computed(() => {
    const request = this.request();
    if (!request) return [];
    const attachments = Object.fromEntries(request.attachments.map((a) => [a.id, a.fileName]));
    const documents = Object.fromEntries(
      this.familyDocuments().map((d) => [d.id, `${DOCUMENT_TYPE_LABELS[d.type] ?? d.type} — ${d.fileName}`]),
    );
    return answerLines(this.type()?.form, request.data, {
      children: this.childNames(),
      attachments,
      documents,
    });
  });
  protected readonly documentChoices = computed(() =>
    this.familyDocuments().map((d) => ({
      id: d.id,
      label: `${DOCUMENT_TYPE_LABELS[d.type] ?? d.type} — ${d.fileName}`,
    })),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (this.envoyee()) {
          this.pageStatus.set(
            $localize`:@@requests.request.sent:Votre demande est envoyée. Vous recevrez un message à chaque étape.`,
          );
        }
        void this.load(id);
      });
    });
  }

  protected onFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.fileError.set(file ? fileProblem(file) : null);
  }

  protected async sendMessage(): Promise<void> {
    const request = this.request();
    if (!request) return;
    const answering = this.waiting();
    const done = await submitForm({
      state: this.answerForm,
      form: this.message,
      invalidMessage: $localize`:@@requests.request.messageInvalid:Le message est vide ou trop long : corrigez-le.`,
      siblings: [this.documentForm, this.withdrawForm],
      send: () => this.api.postMessage(request.id, { body: this.message.controls.body.value.trim() }),
      resetTo: { body: '' },
      success: () =>
        answering
          ? $localize`:@@requests.request.replySent:Votre réponse est envoyée : la mairie reprend l’examen de votre demande.`
          : $localize`:@@requests.request.messageSent:Votre message est envoyé.`,
    });
    if (done !== undefined) await this.reload(request.id);
  }

  protected async addDocument(): Promise<void> {
    const request = this.request();
    if (!request) return;
    const documentId = this.attach.controls.documentId.value;
    const file = this.file();
    const done = await submitForm({
      state: this.documentForm,
      form: this.attach,
      invalidMessage: $localize`:@@requests.request.documentRequired:Choisissez un fichier ou un document de votre dossier famille.`,
      siblings: [this.answerForm, this.withdrawForm],
      extraProblem: () => {
        if (!file && !documentId)
          return $localize`:@@requests.request.documentRequired:Choisissez un fichier ou un document de votre dossier famille.`;
        if (file) this.fileError.set(fileProblem(file));
        return file ? this.fileError() : null;
      },
      send: () =>
        file ? this.api.upload(request.id, file) : this.api.attachFamilyDocument(request.id, { documentId }),
      resetTo: { documentId: '' },
      success: (attachment) =>
        $localize`:@@requests.request.attached:Le document « ${attachment.fileName}:fileName: » est joint à votre demande.`,
      onError: (error) => {
        const message = error.fields['file'];
        if (message) this.fileError.set(message);
        return message ? [message] : [];
      },
    });
    if (done) {
      this.file.set(null);
      const input = this.document.getElementById('request-file') as HTMLInputElement | null;
      if (input) input.value = '';
      await this.reload(request.id);
    }
  }

  protected async withdraw(): Promise<void> {
    const request = this.request();
    if (!request) return;
    const comment = this.withdrawal.controls.comment.value.trim();
    const done = await submitForm({
      state: this.withdrawForm,
      form: this.withdrawal,
      invalidMessage: $localize`:@@requests.request.withdrawReasonTooLong:Le motif est trop long : 1 000 caractères au plus.`,
      siblings: [this.answerForm, this.documentForm],
      send: () => this.api.withdraw(request.id, comment || undefined),
      success: () => $localize`:@@requests.request.withdrawn:Votre demande est retirée.`,
    });
    if (done) {
      this.confirmingWithdraw.set(false);
      await this.reload(request.id);
    }
  }

  protected async download(attachment: RequestAttachmentView): Promise<void> {
    const request = this.request();
    if (!request) return;
    this.downloadError.set(null);
    try {
      saveFile(this.document, await this.api.documentContent(request.id, attachment.id), attachment.fileName);
    } catch (failure) {
      this.downloadError.set(toFormError(failure).message);
    }
  }

  private async load(id: string): Promise<void> {
    this.loadError.set(null);
    try {
      const [request, types] = await Promise.all([this.api.get(id), this.api.types()]);
      this.request.set(request);
      this.type.set(types.find((type) => type.code === request.typeCode) ?? null);
      void this.loadHousehold();
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    }
  }

  private async reload(id: string): Promise<void> {
    try {
      this.request.set(await this.api.get(id));
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    }
  }

  /** Names of the children and documents the answers refer to; the page works without them. */
  private async loadHousehold(): Promise<void> {
    const [household, documents] = await Promise.all([
      this.api.household().catch(() => null),
      this.api.familyDocuments().catch(() => []),
    ]);
    if (household) {
      this.childNames.set(
        Object.fromEntries(household.children.map((c) => [c.id, `${c.firstName} ${c.lastName}`])),
      );
    }
    this.familyDocuments.set(documents);
  }
}
