import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '@foyer/web/core';
import { ADMIN_MENU } from '../admin-menu';

/** The frame of the admin pages: the area's menu, then the page. */
@Component({
  selector: 'foyer-admin-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav i18n-aria-label="@@admin.adminLayout.menu" class="admin-menu" aria-label="Administration">
      <ul class="plain-list">
        <li>
          <a
            i18n="@@admin.adminLayout.administration"
            routerLink="/admin"
            [routerLinkActiveOptions]="{ exact: true }"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
            >Administration</a
          >
        </li>
        @for (item of items(); track item.path) {
          <li>
            <a [routerLink]="item.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              item.label
            }}</a>
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    .admin-menu ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid #c4c7cf;
      margin-bottom: 1rem;
    }
    .admin-menu a.active {
      font-weight: 700;
      text-decoration-thickness: 3px;
    }
  `,
})
export class AdminLayout {
  private readonly auth = inject(AuthStore);
  protected readonly items = computed(() => ADMIN_MENU.filter((item) => this.auth.can(item.permission)));
}
