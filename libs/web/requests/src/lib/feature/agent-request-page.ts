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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type AgentRequestView,
  type RequestAssigneeView,
  type RequestAttachmentView,
  RequestStatus,
  type RequestTypeView,
} from '@foyer/shared/contracts';
import {
  AuthStore,
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
import { AgentRequestsApi } from '../data-access/requests-api';
import { answerLines, CHANNEL_LABELS, statusBadgeClass, statusLabel } from '../ui/labels';
import {
  RequestAnswers,
  RequestAttachments,
  RequestHistory,
  RequestMessages,
  RequestNotes,
} from '../ui/request-parts';

/** What each decision is called on the agent's buttons. Asking a question goes through a message. */
const TRANSITION_LABELS: Partial<Record<RequestStatus, string>> = {
  [RequestStatus.InReview]: $localize`:@@requests.agentRequest.transitionInReview:Prendre en charge (en cours d’instruction)`,
  [RequestStatus.Approved]: $localize`:@@requests.agentRequest.transitionApproved:Accepter la demande`,
  [RequestStatus.Refused]: $localize`:@@requests.agentRequest.transitionRefused:Refuser la demande`,
  [RequestStatus.Closed]: $localize`:@@requests.agentRequest.transitionClosed:Clôturer le dossier`,
};

/** /agent/demarches/:id: the request's file for the agent who processes it. */
@Component({
  selector: 'foyer-agent-request-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    DayFrPipe,
    InstantFrPipe,
    ErrorAlert,
    StatusMessage,
    RequestAnswers,
    RequestAttachments,
    RequestHistory,
    RequestMessages,
    RequestNotes,
  ],
  templateUrl: './agent-request-page.html',
  styles: `
    .status-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
      gap: 0 1.5rem;
    }
    .columns > * {
      min-width: 0;
    }
    .plain-fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    .plain-fieldset legend {
      padding: 0;
    }
  `,
})
export class AgentRequestPage {
  readonly id = input.required<string>();

  private readonly api = inject(AgentRequestsApi);
  private readonly auth = inject(AuthStore);
  private readonly document = inject(DOCUMENT);

  protected readonly request = signal<AgentRequestView | null>(null);
  protected readonly type = signal<RequestTypeView | null>(null);
  protected readonly assignees = signal<RequestAssigneeView[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly channels = CHANNEL_LABELS;
  protected readonly errorOf = fieldErrorMessage;

  protected readonly decisionForm = formState('#decision-form');
  protected readonly messageForm = formState('#message-form');
  protected readonly assignForm = formState('#assign-form');
  protected readonly noteForm = formState('#note-form');

  protected readonly decision = new FormGroup({
    to: new FormControl<RequestStatus | ''>('', { nonNullable: true, validators: [Validators.required] }),
    comment: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });
  protected readonly message = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000)],
    }),
    question: new FormControl(false, { nonNullable: true }),
  });
  protected readonly assignment = new FormGroup({
    assigneeId: new FormControl('', { nonNullable: true }),
  });
  protected readonly note = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000)],
    }),
  });
  protected readonly decisionMessages = {
    required: $localize`:@@requests.agentRequest.decisionRequired:Choisissez une décision.`,
  };

  protected readonly badge = computed(() => statusBadgeClass(this.request()?.status ?? RequestStatus.Draft));
  protected readonly statusText = computed(() =>
    statusLabel(this.request()?.status ?? RequestStatus.Draft, true),
  );
  protected readonly transitions = computed(() =>
    (this.request()?.allowedTransitions ?? [])
      .filter((status) => TRANSITION_LABELS[status])
      .map((status) => ({ value: status, label: TRANSITION_LABELS[status] as string })),
  );
  protected readonly canAsk = computed(() =>
    (this.request()?.allowedTransitions ?? []).includes(RequestStatus.WaitingResident),
  );
  protected readonly canWrite = computed(() => {
    const status = this.request()?.status;
    return !!status && status !== RequestStatus.Closed && status !== RequestStatus.Draft;
  });
  protected readonly answers = computed(() => {
    const request = this.request();
    if (!request) return [];
    const attachments = Object.fromEntries(request.attachments.map((a) => [a.id, a.fileName]));
    return answerLines(this.type()?.form, request.data, { attachments });
  });
  protected readonly isMine = computed(() => {
    const me = this.auth.me();
    return !!me && this.request()?.assigneeId === me.id;
  });
  protected readonly canTakeIt = computed(() => {
    const me = this.auth.me();
    return !!me && !this.isMine() && this.assignees().some((agent) => agent.id === me.id);
  });
  protected readonly commentRequired = computed(() => this.decisionTo() === RequestStatus.Refused);
  private readonly decisionTo = signal<RequestStatus | ''>('');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    this.decision.controls.to.valueChanges.subscribe((to) => {
      this.decisionTo.set(to);
      const comment = this.decision.controls.comment;
      comment.setValidators(
        to === RequestStatus.Refused
          ? [Validators.required, Validators.maxLength(2000)]
          : [Validators.maxLength(2000)],
      );
      comment.updateValueAndValidity();
    });
  }

  protected async decide(): Promise<void> {
    const request = this.request();
    if (!request) return;
    const { to, comment } = this.decision.getRawValue();
    const done = await submitForm({
      state: this.decisionForm,
      form: this.decision,
      invalidMessage: $localize`:@@requests.agentRequest.decisionInvalid:La décision est incomplète : corrigez les champs signalés.`,
      siblings: this.forms(),
      send: () =>
        this.api.transition(request.id, {
          to: to as RequestStatus,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      resetTo: { to: '', comment: '' },
      success: () =>
        $localize`:@@requests.agentRequest.decided:La demande est maintenant : ${statusLabel(to as RequestStatus, true)}:status:.`,
    });
    if (done !== undefined) await this.reload(request.id);
  }

  protected async sendMessage(): Promise<void> {
    const request = this.request();
    if (!request) return;
    const { body, question } = this.message.getRawValue();
    const done = await submitForm({
      state: this.messageForm,
      form: this.message,
      invalidMessage: $localize`:@@requests.agentRequest.messageInvalid:Le message est vide ou trop long : corrigez-le.`,
      siblings: this.forms(),
      send: () =>
        this.api.postMessage(request.id, { body: body.trim(), ...(question ? { question: true } : {}) }),
      resetTo: { body: '', question: false },
      success: () =>
        question
          ? $localize`:@@requests.agentRequest.questionSent:Votre question est envoyée à l’usager : la demande attend sa réponse et le délai est suspendu.`
          : $localize`:@@requests.agentRequest.messageSent:Votre message est envoyé à l’usager.`,
    });
    if (done !== undefined) await this.reload(request.id);
  }

  protected async assign(assigneeId: string | null): Promise<void> {
    const request = this.request();
    if (!request) return;
    const done = await submitForm({
      state: this.assignForm,
      form: this.assignment,
      invalidMessage: $localize`:@@requests.agentRequest.assigneeRequired:Choisissez un agent.`,
      siblings: this.forms(),
      send: () => this.api.assign(request.id, { assigneeId }),
      success: () => {
        if (!assigneeId)
          return $localize`:@@requests.agentRequest.unassigned:La demande n’est plus attribuée.`;
        const name =
          this.assignees().find((agent) => agent.id === assigneeId)?.name ??
          $localize`:@@requests.agentRequest.chosenAgent:l’agent choisi`;
        return assigneeId === this.auth.me()?.id
          ? $localize`:@@requests.agentRequest.assignedToMe:La demande vous est attribuée.`
          : $localize`:@@requests.agentRequest.assigned:La demande est attribuée à ${name}:name:.`;
      },
    });
    if (done !== undefined) await this.reload(request.id);
  }

  protected async addNote(): Promise<void> {
    const request = this.request();
    if (!request) return;
    const done = await submitForm({
      state: this.noteForm,
      form: this.note,
      invalidMessage: $localize`:@@requests.agentRequest.noteInvalid:La note est vide ou trop longue : corrigez-la.`,
      siblings: this.forms(),
      send: () => this.api.addNote(request.id, { body: this.note.controls.body.value.trim() }),
      resetTo: { body: '' },
      success: () =>
        $localize`:@@requests.agentRequest.noteSaved:Note interne enregistrée (l’usager ne la voit pas).`,
    });
    if (done !== undefined) await this.reload(request.id);
  }

  protected takeIt(): void {
    const me = this.auth.me();
    if (me) void this.assign(me.id);
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

  private forms() {
    return [this.decisionForm, this.messageForm, this.assignForm, this.noteForm];
  }

  private async load(id: string): Promise<void> {
    this.loadError.set(null);
    try {
      const [request, types] = await Promise.all([this.api.get(id), this.api.types().catch(() => [])]);
      this.request.set(request);
      this.assignment.setValue({ assigneeId: request.assigneeId ?? '' });
      this.type.set(types.find((type) => type.code === request.typeCode) ?? null);
      this.assignees.set(await this.api.assignees(id).catch(() => []));
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    }
  }

  private async reload(id: string): Promise<void> {
    try {
      const request = await this.api.get(id);
      this.request.set(request);
      this.assignment.setValue({ assigneeId: request.assigneeId ?? '' });
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    }
  }
}
