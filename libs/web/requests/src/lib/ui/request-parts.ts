import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type {
  RequestAttachmentView,
  RequestHistoryEntryView,
  RequestMessageView,
  RequestNoteView,
} from '@foyer/shared/contracts';
import { FileSizePipe, InstantFrPipe } from '@foyer/web/core';
import type { AnswerLine } from './labels';
import { statusLabel } from './labels';

/** The answers given in the form, as « question : answer » lines. */
@Component({
  selector: 'foyer-request-answers',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length === 0) {
      <p i18n="@@requests.answers.none">Aucune réponse saisie.</p>
    } @else {
      <dl class="facts">
        @for (line of lines(); track $index) {
          <dt>{{ line.label }}</dt>
          <dd>{{ line.value }}</dd>
        }
      </dl>
    }
  `,
})
export class RequestAnswers {
  readonly lines = input.required<AnswerLine[]>();
}

/** Each step of the request: from which status to which, who, when, why. */
@Component({
  selector: 'foyer-request-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [InstantFrPipe],
  template: `
    @if (entries().length === 0) {
      <p i18n="@@requests.history.none">Aucune étape pour l’instant.</p>
    } @else {
      <ol class="timeline">
        @for (entry of ordered(); track entry.id) {
          <li>
            <p i18n="@@requests.history.entry">
              <strong>{{ label(entry) }}</strong>
              — le {{ entry.at | instantFr }}, par {{ entry.actorLabel }}
            </p>
            @if (entry.comment) {
              <p class="comment" i18n="@@requests.history.comment">« {{ entry.comment }} »</p>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .timeline {
      padding-left: 1.25rem;
    }
    .timeline li {
      margin: 0.5rem 0;
    }
    .timeline p {
      margin: 0.1rem 0;
    }
    .comment {
      white-space: pre-line;
    }
  `,
})
export class RequestHistory {
  readonly entries = input.required<RequestHistoryEntryView[]>();
  readonly forAgent = input(false);

  /** Oldest first; at the same instant the creation (no previous status) comes before what followed. */
  protected readonly ordered = computed(() =>
    [...this.entries()].sort(
      (a, b) => a.at.localeCompare(b.at) || Number(a.from !== null) - Number(b.from !== null),
    ),
  );

  protected label(entry: RequestHistoryEntryView): string {
    const to = statusLabel(entry.to, this.forAgent());
    return entry.from ? `${statusLabel(entry.from, this.forAgent())} → ${to}` : to;
  }
}

/** The conversation between the household and the city; an agent's question is said as such. */
@Component({
  selector: 'foyer-request-messages',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [InstantFrPipe],
  template: `
    @if (messages().length === 0) {
      <p i18n="@@requests.messages.none">Aucun message pour l’instant.</p>
    } @else {
      <ol class="plain-list messages">
        @for (message of messages(); track message.id) {
          <li [class.from-city]="message.author === 'agent'">
            <p class="meta">
              <strong>
                @if (message.author !== 'agent') {
                  <ng-container i18n="@@requests.messages.fromHousehold">Message du foyer</ng-container>
                } @else if (message.question) {
                  <ng-container i18n="@@requests.messages.cityQuestion">Question de la mairie</ng-container>
                } @else {
                  <ng-container i18n="@@requests.messages.fromCity">Message de la mairie</ng-container>
                }
              </strong>
              <ng-container i18n="@@requests.messages.meta"
                >— {{ message.authorLabel }}, le {{ message.at | instantFr }}</ng-container
              >
            </p>
            <p class="body">{{ message.body }}</p>
            @if (message.attachmentIds.length > 0) {
              <p class="muted" i18n="@@requests.messages.attachments">
                Documents joints : {{ attachmentNames(message.attachmentIds) }}
              </p>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .messages li {
      border: 1px solid #c4c7cf;
      border-left: 5px solid #6b7280;
      border-radius: 6px;
      background: #fff;
      padding: 0.5rem 0.75rem;
      margin: 0.5rem 0;
    }
    .messages li.from-city {
      border-left-color: var(--foyer-brand);
    }
    .meta,
    .body {
      margin: 0.2rem 0;
    }
    .body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class RequestMessages {
  readonly messages = input.required<RequestMessageView[]>();
  readonly attachments = input<RequestAttachmentView[]>([]);

  protected attachmentNames(ids: string[]): string {
    return ids
      .map(
        (id) =>
          this.attachments().find((attachment) => attachment.id === id)?.fileName ??
          $localize`:@@requests.messages.unknownDocument:document`,
      )
      .join(', ');
  }
}

const SOURCE_LABELS: Record<string, string> = {
  upload: $localize`:@@requests.attachments.sourceUpload:Déposé`,
  family_document: $localize`:@@requests.attachments.sourceFamilyDocument:Dossier famille`,
  generated: $localize`:@@requests.attachments.sourceGenerated:Produit par la mairie`,
};

/** The request's documents, each downloadable (fetched with the session: a plain link cannot). */
@Component({
  selector: 'foyer-request-attachments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, FileSizePipe, InstantFrPipe],
  template: `
    @if (attachments().length === 0) {
      <p i18n="@@requests.attachments.none">Aucun document joint.</p>
    } @else {
      <ul class="plain-list attachments">
        @for (attachment of attachments(); track attachment.id) {
          <li>
            <span>
              <strong>{{ attachment.fileName }}</strong>
              <span class="muted" i18n="@@requests.attachments.meta">
                ({{ attachment.sizeBytes | fileSize }}, {{ source(attachment) }}, le
                {{ attachment.addedAt | instantFr }})</span
              >
            </span>
            <button
              mat-stroked-button
              type="button"
              (click)="download.emit(attachment)"
              i18n="@@requests.attachments.download"
            >
              Télécharger<span class="visually-hidden"> {{ attachment.fileName }}</span>
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .attachments li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.5rem 0;
      border-bottom: 1px solid #c4c7cf;
      overflow-wrap: anywhere;
    }
  `,
})
export class RequestAttachments {
  readonly attachments = input.required<RequestAttachmentView[]>();
  readonly download = output<RequestAttachmentView>();

  protected source(attachment: RequestAttachmentView): string {
    return SOURCE_LABELS[attachment.source] ?? attachment.source;
  }
}

/** Internal notes: agents only. */
@Component({
  selector: 'foyer-request-notes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [InstantFrPipe],
  template: `
    @if (notes().length === 0) {
      <p i18n="@@requests.notes.none">Aucune note interne.</p>
    } @else {
      <ol class="plain-list notes">
        @for (note of notes(); track note.id) {
          <li>
            <p class="meta" i18n="@@requests.notes.meta">
              <strong>{{ note.authorLabel }}</strong>, le {{ note.at | instantFr }}
            </p>
            <p class="body">{{ note.body }}</p>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .notes li {
      border-left: 4px solid var(--foyer-warning);
      background: var(--foyer-warning-surface);
      padding: 0.4rem 0.75rem;
      margin: 0.5rem 0;
    }
    .meta,
    .body {
      margin: 0.2rem 0;
    }
    .body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class RequestNotes {
  readonly notes = input.required<RequestNoteView[]>();
}
