import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink, UrlTree } from '@angular/router';
import type { DevMailView } from '@foyer/shared/contracts';
import { ErrorAlert, InstantFrPipe, toFormError } from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';

interface MailLink {
  href: string;
  /** Set when the link points into this portal: followed by the router, without reloading. */
  route: UrlTree | null;
}

interface Mail extends DevMailView {
  mailLinks: MailLink[];
}

/** The API's outbox when no SMTP server is configured, so a developer can follow the mails' links. */
@Component({
  selector: 'foyer-dev-mailbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, ErrorAlert, InstantFrPipe],
  template: `
    <h1 i18n="@@accounts.devMailboxPage.developmentMailbox">Boîte mail de développement</h1>
    <div class="notice notice-warning">
      <p i18n="@@accounts.devMailboxPage.developmentPageExistsOnly">
        <strong>Page de développement.</strong> Elle n'existe qu'en dehors de la production : elle montre les
        e-mails que le portail aurait envoyés, quand aucun serveur de messagerie n'est configuré.
      </p>
    </div>
    <div class="actions">
      <button
        i18n="@@accounts.devMailboxPage.refresh"
        mat-stroked-button
        type="button"
        [disabled]="loading()"
        (click)="load()"
      >
        Actualiser
      </button>
    </div>
    <foyer-error-alert [message]="error()" />
    <p role="status">{{ summary() }}</p>

    @for (mail of mails(); track mail.id) {
      <article class="mail" [attr.aria-labelledby]="'mail-' + mail.id">
        <h2 [id]="'mail-' + mail.id">{{ mail.subject }}</h2>
        <dl class="facts">
          <dt i18n="@@accounts.devMailboxPage.recipient">Destinataire</dt>
          <dd>{{ mail.to }}</dd>
          <dt i18n="@@accounts.devMailboxPage.sent">Envoyé le</dt>
          <dd>{{ mail.createdAt | instantFr }}</dd>
        </dl>
        @if (mail.mailLinks.length > 0) {
          <h3 i18n="@@accounts.devMailboxPage.linksMessage">Liens du message</h3>
          <ul>
            @for (link of mail.mailLinks; track $index) {
              <li>
                @if (link.route) {
                  <a [routerLink]="link.route">{{ link.href }}</a>
                } @else {
                  <a [href]="link.href">{{ link.href }}</a>
                }
              </li>
            }
          </ul>
        }
        <h3 i18n="@@accounts.devMailboxPage.messageText">Texte du message</h3>
        <pre>{{ mail.text }}</pre>
      </article>
    }
  `,
  styles: `
    .mail {
      background: #fff;
      border: 1px solid #c4c7cf;
      border-radius: 8px;
      padding: 0.75rem 1.25rem;
      margin: 1rem 0;
    }
    .mail h2 {
      margin-top: 0.25rem;
    }
    .mail a {
      overflow-wrap: anywhere;
    }
  `,
})
export class DevMailboxPage implements OnInit {
  private readonly accounts = inject(AccountsApi);
  private readonly router = inject(Router);

  private readonly raw = signal<DevMailView[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly mails = computed<Mail[]>(() =>
    [...this.raw()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((mail) => ({ ...mail, mailLinks: mail.links.map((href) => this.toMailLink(href)) })),
  );
  protected readonly summary = computed(() => {
    if (this.loading()) return $localize`:@@accounts.devMailboxPage.loading:Chargement des messages…`;
    if (!this.loaded()) return '';
    const count = this.raw().length;
    return count === 0
      ? $localize`:@@accounts.devMailboxPage.empty:Aucun message.`
      : count === 1
        ? '1 message.'
        : $localize`:@@accounts.devMailboxPage.count:${count}:count: messages, du plus récent au plus ancien.`;
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.raw.set(await this.accounts.devMailbox());
      this.loaded.set(true);
    } catch (failure) {
      const error = toFormError(failure);
      this.error.set(
        error.status === 404
          ? $localize`:@@accounts.devMailboxPage.unavailable:La boîte mail de développement n'est pas disponible sur ce serveur.`
          : error.message,
      );
    } finally {
      this.loading.set(false);
    }
  }

  private toMailLink(href: string): MailLink {
    try {
      const url = new URL(href, window.location.origin);
      const sameOrigin = url.origin === window.location.origin && !url.pathname.startsWith('/api/');
      return { href, route: sameOrigin ? this.router.parseUrl(url.pathname + url.search + url.hash) : null };
    } catch {
      return { href, route: null };
    }
  }
}
