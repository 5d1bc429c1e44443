import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@foyer/web/core';
import { ADMIN_MENU } from '../admin-menu';

@Component({
  selector: 'foyer-admin-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1 i18n="@@admin.adminHomePage.administration">Administration</h1>
    <p i18n="@@admin.adminHomePage.portalsSettingsRecordWhat" class="lead">
      Le paramétrage du portail et le suivi de ce qui s'y fait.
    </p>
    <ul class="card-grid plain-list">
      @for (item of items(); track item.path) {
        <li class="panel">
          <h2>
            <a [routerLink]="item.path">{{ item.label }}</a>
          </h2>
          <p>{{ item.description }}</p>
        </li>
      }
    </ul>
  `,
})
export class AdminHomePage {
  private readonly auth = inject(AuthStore);
  protected readonly items = computed(() => ADMIN_MENU.filter((item) => this.auth.can(item.permission)));
}
