import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { GuardianView } from '@foyer/shared/contracts';
import { PhoneFrPipe } from '@foyer/web/core';

@Component({
  selector: 'foyer-guardian-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PhoneFrPipe],
  template: `
    <ul class="plain-list guardians">
      @for (guardian of guardians(); track guardian.userId) {
        <li>
          <strong>{{ nameOf(guardian) }}</strong>
          @if (guardian.rank === 1) {
            <span class="muted" i18n="@@households.guardianList.first"> — responsable principal</span>
          } @else {
            <span class="muted" i18n="@@households.guardianList.second"> — responsable second</span>
          }
          @if (guardian.email || guardian.phone) {
            <br />
            {{ guardian.email }}
            @if (guardian.email && guardian.phone) {
              ·
            }
            {{ guardian.phone | phoneFr }}
          }
        </li>
      }
    </ul>
    @if (pendingInvitationEmail()) {
      <p i18n="@@households.guardianList.pendingInvitation">
        <span class="badge badge-warning">En attente</span>
        Invitation en attente : {{ pendingInvitationEmail() }}
      </p>
    }
  `,
  styles: `
    .guardians li {
      padding: 0.5rem 0;
      border-bottom: 1px solid #e0e3e8;
    }
    .guardians li:last-child {
      border-bottom: none;
    }
  `,
})
export class GuardianList {
  readonly guardians = input.required<GuardianView[]>();
  readonly pendingInvitationEmail = input<string | null>(null);

  protected nameOf(guardian: GuardianView): string {
    return (
      `${guardian.firstName ?? ''} ${guardian.lastName ?? ''}`.trim() ||
      $localize`:@@households.guardianList.unnamed:Responsable légal`
    );
  }
}
