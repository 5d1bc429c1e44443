import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, signal, Type } from '@angular/core';
import { Shell } from '@foyer/web/core';

@Component({
  selector: 'foyer-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Shell, NgComponentOutlet],
  // The notifications bell goes into the shell's header tools (web/core cannot import a feature lib).
  template: `<foyer-shell>
    @if (bell(); as bell) {
      <ng-container *ngComponentOutlet="bell" />
    }
    @if (kiosk(); as kiosk) {
      <ng-container *ngComponentOutlet="kiosk" />
    }
  </foyer-shell>`,
})
export class App {
  /** Loaded after start-up, like the lazy routes of the same lib: not in the initial bundle. */
  protected readonly bell = signal<Type<unknown> | null>(null);
  /** The kiosk frame (terminal mode, or the phone's open kiosk sessions): a small lazy chunk too. */
  protected readonly kiosk = signal<Type<unknown> | null>(null);

  constructor() {
    void import('@foyer/web/notifications').then((m) => this.bell.set(m.NotificationBell));
    void import('@foyer/web/kiosk').then((m) => this.kiosk.set(m.KioskFrame));
  }
}
