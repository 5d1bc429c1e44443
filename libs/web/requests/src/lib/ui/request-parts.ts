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
      <p>Aucune réponse saisie.</p>
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
      <p>Aucune étape pour l’instant.</p>
    } @else {
      <ol class="timeline">
        @for (entry of ordered(); track entry.id) {
          <li>
            <p>
              <strong>{{ label(entry) }}</strong>
              — le {{ entry.at | instantFr }}, par {{ entry.actorLabel }}
            </p>
            @if (entry.comment) {
              <p class="comment">« {{ entry.comment }} »</p>
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
      <p>Aucun message pour l’instant.</p>
    } @else {
      <ol class="plain-list messages">
        @for (message of messages(); track message.id) {
          <li [class.from-city]="message.author === 'agent'">
            <p class="meta">
              <strong>{{
                message.author === 'agent'
                  ? message.question
                    ? 'Question de la mairie'
                    : 'Message de la mairie'
                  : 'Message du foyer'
              }}</strong>
              — {{ message.authorLabel }}, le {{ message.at | instantFr }}
            </p>
            <p class="body">{{ message.body }}</p>
            @if (message.attachmentIds.length > 0) {
              <p class="muted">Documents joints : {{ attachmentNames(message.attachmentIds) }}</p>
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
      .map((id) => this.attachments().find((attachment) => attachment.id === id)?.fileName ?? 'document')
      .join(', ');
  }
}

const SOURCE_LABELS: Record<string, string> = {
  upload: 'Déposé',
  family_document: 'Dossier famille',
  generated: 'Produit par la mairie',
};

/** The request's documents, each downloadable (fetched with the session: a plain link cannot). */
@Component({
  selector: 'foyer-request-attachments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, FileSizePipe, InstantFrPipe],
  template: `
    @if (attachments().length === 0) {
      <p>Aucun document joint.</p>
    } @else {
      <ul class="plain-list attachments">
        @for (attachment of attachments(); track attachment.id) {
          <li>
            <span>
              <strong>{{ attachment.fileName }}</strong>
              <span class="muted">
                ({{ attachment.sizeBytes | fileSize }}, {{ source(attachment) }}, le
                {{ attachment.addedAt | instantFr }})</span
              >
            </span>
            <button mat-stroked-button type="button" (click)="download.emit(attachment)">
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
      <p>Aucune note interne.</p>
    } @else {
      <ol class="plain-list notes">
        @for (note of notes(); track note.id) {
          <li>
            <p class="meta">
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
