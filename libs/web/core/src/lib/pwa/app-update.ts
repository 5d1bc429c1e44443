import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SwUpdate } from '@angular/service-worker';

/**
 * When the service worker has downloaded a new version of the portal, says so and offers to reload
 * (otherwise the new version starts at the next visit). Also when the cached version cannot run any
 * more (files gone from the server), which only a reload fixes.
 */
@Component({
  selector: 'foyer-app-update',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-atomic="true">
      @if (message(); as message) {
        <div class="notice notice-success app-update">
          <p>{{ message }}</p>
          <button i18n="@@core.appUpdate.reloadPage" type="button" class="link-button" (click)="reload()">
            Recharger la page
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .app-update {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .app-update p {
      flex: 1 1 16rem;
      margin: 0;
    }
  `,
})
export class AppUpdate {
  private readonly document = inject(DOCUMENT);
  protected readonly message = signal<string | null>(null);

  constructor() {
    const updates = inject(SwUpdate);
    if (!updates.isEnabled) return;
    updates.versionUpdates.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'VERSION_READY') {
        this.message.set($localize`:@@core.appUpdate.ready:Une nouvelle version du portail est disponible.`);
      }
    });
    updates.unrecoverable.pipe(takeUntilDestroyed()).subscribe(() => {
      this.message.set(
        $localize`:@@core.appUpdate.unrecoverable:Cette version du portail ne peut plus fonctionner : rechargez la page.`,
      );
    });
  }

  protected reload(): void {
    this.document.location.reload();
  }
}
