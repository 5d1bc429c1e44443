import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { FailedJobView } from '@foyer/shared/contracts';
import { ErrorAlert, InstantFrPipe, StatusMessage, toFormError } from '@foyer/web/core';
import { NotificationsApi } from '../data-access/notifications-api';

const QUEUE_LABELS: Record<string, string> = {
  'notifications.email': $localize`:@@notifications.failedJobsPage.queue.email:Envoi des e-mails`,
  'notifications.channel': $localize`:@@notifications.failedJobsPage.queue.channel:Envoi des SMS et notifications`,
  'reminders.daily': $localize`:@@notifications.failedJobsPage.queue.reminders:Rappels quotidiens`,
  'announcements.publish': $localize`:@@notifications.failedJobsPage.queue.announcements:Envoi des annonces importantes`,
};

/** Administrators: the background jobs that failed every attempt, by queue, with a retry button. */
@Component({
  selector: 'foyer-failed-jobs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ErrorAlert, StatusMessage, InstantFrPipe],
  template: `
    <h1 i18n="@@notifications.failedJobsPage.failedJobs">Tâches en échec</h1>
    <p i18n="@@notifications.failedJobsPage.backgroundJobsSendingE">
      Les tâches de fond (envoi des e-mails, rappels) sont réessayées automatiquement. Celles qui ont échoué à
      chaque tentative sont listées ici : relancez-les une fois la cause corrigée.
    </p>
    <foyer-error-alert [message]="error()" />
    <foyer-status-message [message]="status()" />
    @if (loaded()) {
      @if (jobs().length === 0) {
        <p i18n="@@notifications.failedJobsPage.noFailedJobs">Aucune tâche en échec.</p>
      } @else {
        <table class="jobs">
          <caption i18n="@@notifications.failedJobsPage.failedJobsMostRecent" class="visually-hidden">
            Tâches en échec, les plus récentes d’abord
          </caption>
          <thead>
            <tr>
              <th i18n="@@notifications.failedJobsPage.queue" scope="col">File</th>
              <th i18n="@@notifications.failedJobsPage.failed" scope="col">Échec le</th>
              <th i18n="@@notifications.failedJobsPage.error" scope="col">Erreur</th>
              <th scope="col">
                <span i18n="@@notifications.failedJobsPage.action" class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (job of jobs(); track job.id) {
              <tr>
                <td>{{ label(job.queue) }}</td>
                <td>{{ job.failedAt | instantFr }}</td>
                <td class="error-text">{{ job.error }}</td>
                <td>
                  <button
                    i18n="@@notifications.failedJobsPage.retryJob"
                    mat-stroked-button
                    type="button"
                    [disabled]="busy()"
                    (click)="retry(job)"
                  >
                    Relancer<span class="visually-hidden">
                      la tâche {{ label(job.queue) }} du {{ job.failedAt | instantFr }}</span
                    >
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
  styles: `
    .jobs {
      border-collapse: collapse;
      width: 100%;
    }
    .jobs th,
    .jobs td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
      vertical-align: top;
    }
    .error-text {
      font-family: monospace;
      word-break: break-word;
    }
  `,
})
export class FailedJobsPage implements OnInit {
  private readonly api = inject(NotificationsApi);

  protected readonly jobs = signal<FailedJobView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected label(queue: string): string {
    return QUEUE_LABELS[queue] ?? queue;
  }

  protected async retry(job: FailedJobView): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.status.set(null);
    try {
      await this.api.retryJob(job.id);
      const queue = this.label(job.queue);
      this.status.set($localize`:@@notifications.failedJobsPage.retried:Tâche relancée : ${queue}:queue:.`);
      await this.load();
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      this.jobs.set(await this.api.failedJobs());
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.loaded.set(true);
    }
  }
}
