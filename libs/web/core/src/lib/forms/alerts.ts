import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * An error said in text (« Erreur : … »), inside a live region that exists before the message does,
 * so screen readers announce it as soon as it appears.
 */
@Component({
  selector: 'foyer-error-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" aria-atomic="true">
      @if (message()) {
        <div class="notice notice-error">
          <p><strong i18n="@@core.alerts.error">Erreur :</strong> {{ message() }}</p>
          <ng-content />
        </div>
      }
    </div>
  `,
})
export class ErrorAlert {
  readonly message = input<string | null | undefined>(null);
}

/** A polite confirmation (« Modifications enregistrées. »), announced without interrupting. */
@Component({
  selector: 'foyer-status-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-atomic="true">
      @if (message()) {
        <div class="notice notice-success">
          <p>{{ message() }}</p>
          <ng-content />
        </div>
      }
    </div>
  `,
})
export class StatusMessage {
  readonly message = input<string | null | undefined>(null);
}
