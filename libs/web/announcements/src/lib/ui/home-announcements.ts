import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { AnnouncementImportance, type AnnouncementView } from '@foyer/shared/contracts';
import { AuthStore, InstantFrPipe } from '@foyer/web/core';
import { AnnouncementsApi } from '../data-access/announcements-api';
import { AnnouncementText } from './announcement-text';

/**
 * The home page's « Actualités de la ville »: the current announcements, those for everyone to a
 * visitor and also those for the family once signed in. Says nothing when there is none; a failure
 * to load leaves the home page as it is (the news is not the page's purpose).
 */
@Component({
  selector: 'foyer-home-announcements',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AnnouncementText, InstantFrPipe],
  template: `
    @if (announcements().length > 0) {
      <section class="announcements" aria-labelledby="announcements-title">
        <h2 i18n="@@announcements.homeAnnouncements.cityNews" id="announcements-title">
          Actualités de la ville
        </h2>
        <ul class="plain-list">
          @for (a of announcements(); track a.id) {
            <li>
              <article class="announcement" [class.important]="a.importance === important">
                <h3>
                  @if (a.importance === important) {
                    <span i18n="@@announcements.homeAnnouncements.important" class="badge badge-warning"
                      >Important</span
                    >
                  }
                  {{ a.title }}
                </h3>
                <p class="meta">
                  <ng-container i18n="@@announcements.homeAnnouncements.published"
                    >Publiée le {{ a.publishAt | instantFr }}
                  </ng-container>
                  @if (a.audience !== 'everyone') {
                    · {{ a.audienceLabel }}
                  }
                </p>
                <foyer-announcement-text [text]="a.text" />
              </article>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .announcement {
      padding: 0.25rem 1.25rem 0.5rem;
      margin: 0.75rem 0;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-left: 4px solid var(--foyer-brand);
      border-radius: 8px;
    }
    .announcement.important {
      border-left: 6px solid #b34700;
    }
    .announcement h3 {
      margin-bottom: 0.25rem;
    }
    .meta {
      margin: 0;
      color: #4a4f57;
      font-size: 0.9rem;
    }
  `,
})
export class HomeAnnouncements {
  private readonly api = inject(AnnouncementsApi);
  private readonly auth = inject(AuthStore);
  protected readonly important = AnnouncementImportance.Important;
  protected readonly announcements = signal<AnnouncementView[]>([]);

  constructor() {
    // Reloaded when the person signs in or out: a family sees the announcements targeted at it.
    effect(() => {
      this.auth.me();
      untracked(() => void this.load());
    });
  }

  private async load(): Promise<void> {
    try {
      this.announcements.set(await this.api.current());
    } catch {
      this.announcements.set([]);
    }
  }
}
