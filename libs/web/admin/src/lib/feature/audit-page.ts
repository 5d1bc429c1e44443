import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { AgentView, AuditEntryView, AuditQuery } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  InstantFrPipe,
  storedLocale,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import {
  ACTION_GROUPS,
  ACTION_LABELS,
  actionLabel,
  FrenchCalendarHeader,
  isoDateOf,
} from '@foyer/web/households';
import { AdminApi } from '../data-access/admin-api';
import { ROLE_LABELS } from '../labels';

const PAGE = 50;

/** /admin/journal: the audit log, newest first, filtered by person, household, action and days. */
@Component({
  selector: 'foyer-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatSelectModule,
    ErrorAlert,
    InstantFrPipe,
  ],
  template: `
    <h1 i18n="@@admin.auditPage.auditLog">Journal d'audit</h1>
    <p i18n="@@admin.auditPage.everyChangeRecordOr" class="lead">
      Chaque modification d'un dossier ou du paramétrage, avec son auteur et sa date.
    </p>

    <section class="panel" aria-labelledby="filter-title">
      <h2 i18n="@@admin.auditPage.filter" id="filter-title">Filtrer</h2>
      <foyer-error-alert [message]="search.error()" />
      <form id="audit-filter" class="form-stack" [formGroup]="form" (ngSubmit)="apply()" novalidate>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@admin.auditPage.person">Personne</mat-label>
            <mat-select formControlName="actorId">
              <mat-option i18n="@@admin.auditPage.everyone" value="">Tout le monde</mat-option>
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.firstName }} {{ person.lastName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@admin.auditPage.action">Action</mat-label>
            <mat-select formControlName="action">
              <mat-option i18n="@@admin.auditPage.allActions" value="">Toutes les actions</mat-option>
              @for (group of groups; track group.value) {
                <mat-option i18n="@@admin.auditPage.all" [value]="group.value"
                  >{{ group.label }} (toutes)</mat-option
                >
              }
              @for (action of actions; track action[0]) {
                <mat-option [value]="action[0]">{{ action[1] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label i18n="@@admin.auditPage.familyRecordIdentifier"
            >Famille (identifiant du dossier)</mat-label
          >
          <input matInput formControlName="householdId" autocomplete="off" spellcheck="false" />
          <mat-hint i18n="@@admin.auditPage.fromFamilysRecordHistory"
            >Depuis le dossier d'une famille, « Historique » ouvre ce journal déjà filtré.</mat-hint
          >
          <mat-error>{{ errorOf(form.controls.householdId) }}</mat-error>
        </mat-form-field>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@admin.auditPage.from">Du</mat-label>
            <input matInput [matDatepicker]="fromPicker" formControlName="from" />
            <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
            <mat-datepicker #fromPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-error>{{ errorOf(form.controls.from) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@admin.auditPage.to">Au</mat-label>
            <input matInput [matDatepicker]="toPicker" formControlName="to" />
            <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
            <mat-datepicker #toPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-error>{{ errorOf(form.controls.to) }}</mat-error>
          </mat-form-field>
        </div>
        <div class="form-actions">
          <button i18n="@@admin.auditPage.show" mat-flat-button type="submit" [disabled]="search.busy()">
            Afficher
          </button>
        </div>
      </form>
    </section>

    <section class="panel" aria-labelledby="entries-title">
      <h2 i18n="@@admin.auditPage.entries" id="entries-title">Entrées</h2>
      <p role="status">{{ summary() }}</p>
      <ol class="plain-list entries">
        @for (entry of entries(); track entry.id) {
          <li class="entry">
            <p class="entry-head">
              <strong>{{ label(entry.action) }}</strong>
              <span class="muted"> — {{ entry.at | instantFr }}</span>
            </p>
            <p>
              <ng-container i18n="@@admin.auditPage.by">Par {{ who(entry) }} </ng-container>
              @if (entry.householdId) {
                ·
                <a i18n="@@admin.auditPage.familyRecord" [routerLink]="['/agent/familles', entry.householdId]"
                  >Dossier de la famille</a
                >
              }
            </p>
            @if (detailsText(entry); as details) {
              <p class="muted details">{{ details }}</p>
            }
          </li>
        }
      </ol>
      @if (more()) {
        <button
          i18n="@@admin.auditPage.olderEntries"
          mat-stroked-button
          type="button"
          [disabled]="search.busy()"
          (click)="loadMore()"
        >
          Entrées plus anciennes
        </button>
      }
    </section>
  `,
  styles: `
    .entry {
      border-bottom: 1px solid #dfe1e6;
      padding: 0.5rem 0;
    }
    .entry p {
      margin: 0.15rem 0;
    }
    .details {
      overflow-wrap: anywhere;
      font-size: 0.9rem;
    }
  `,
})
export class AuditPage implements OnInit {
  /** ?householdId= from a family's file. */
  readonly householdId = input<string>();

  private readonly api = inject(AdminApi);
  protected readonly search = formState('#audit-filter');
  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly groups = ACTION_GROUPS;
  protected readonly actions = Object.entries(ACTION_LABELS).sort((a, b) =>
    a[1].localeCompare(b[1], storedLocale()),
  );
  protected readonly people = signal<AgentView[]>([]);
  protected readonly entries = signal<AuditEntryView[]>([]);
  protected readonly more = signal(false);
  private readonly searched = signal(false);
  protected readonly label = actionLabel;
  protected readonly form = inject(NonNullableFormBuilder).group({
    actorId: [''],
    action: [''],
    householdId: [''],
    from: ['' as string | Date],
    to: ['' as string | Date],
  });
  protected readonly summary = computed(() => {
    if (!this.searched()) return '';
    const count = this.entries().length;
    if (count === 0) return $localize`:@@admin.auditPage.noMatch:Aucune entrée ne correspond à ces filtres.`;
    if (count === 1) return $localize`:@@admin.auditPage.oneEntry:1 entrée.`;
    return this.more()
      ? $localize`:@@admin.auditPage.latestEntries:${count}:count: entrées (les plus récentes).`
      : $localize`:@@admin.auditPage.entryCount:${count}:count: entrées.`;
  });

  ngOnInit(): void {
    this.form.controls.householdId.setValue(this.householdId() ?? '');
    void this.api
      .agents()
      .then((people) => this.people.set(people))
      .catch(() => undefined);
    void this.apply();
  }

  protected who(entry: AuditEntryView): string {
    const person = this.people().find((p) => p.id === entry.actorId);
    if (person) return `${person.firstName} ${person.lastName}`;
    return ROLE_LABELS[entry.actorLabel] ?? entry.actorLabel;
  }

  protected detailsText(entry: AuditEntryView): string {
    const parts = Object.entries(entry.details ?? {})
      .filter(([, value]) => value !== null && value !== undefined && typeof value !== 'object')
      .map(([key, value]) => `${key} : ${String(value)}`);
    return parts.join(' · ');
  }

  protected async apply(): Promise<void> {
    const found = await submitForm({
      state: this.search,
      form: this.form,
      invalidMessage: $localize`:@@admin.auditPage.invalidFilters:Les filtres contiennent des erreurs.`,
      send: () => this.api.audit({ ...this.query(), limit: PAGE }),
      aliases: {},
    });
    if (found) {
      this.entries.set(found);
      this.more.set(found.length === PAGE);
      this.searched.set(true);
    }
  }

  protected async loadMore(): Promise<void> {
    const last = this.entries().at(-1);
    if (!last) return;
    try {
      const older = await this.api.audit({ ...this.query(), limit: PAGE, before: last.at });
      this.entries.update((all) => [...all, ...older]);
      this.more.set(older.length === PAGE);
    } catch (failure) {
      this.search.error.set(toFormError(failure).message);
    }
  }

  private query(): AuditQuery {
    const value = this.form.getRawValue();
    return {
      actorId: value.actorId || undefined,
      action: value.action || undefined,
      householdId: value.householdId.trim() || undefined,
      from: isoDateOf(value.from) || undefined,
      to: isoDateOf(value.to) || undefined,
    };
  }
}
