import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type ActivityView,
  type AdminAnnouncementView,
  ANNOUNCEMENT_TEXT_MAX,
  ANNOUNCEMENT_TITLE_MAX,
  AnnouncementAudience,
  AnnouncementImportance,
  AnnouncementState,
  ClassLevel,
  type CreateAnnouncementRequest,
  SiteKind,
  type SiteView,
} from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  InstantFrPipe,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { AnnouncementsApi } from '../data-access/announcements-api';
import { AnnouncementText } from '../ui/announcement-text';

/** Audiences the form offers. */
const AUDIENCES: { value: AnnouncementAudience; label: string }[] = [
  {
    value: AnnouncementAudience.Everyone,
    label: $localize`:@@announcements.announcementsAdminPage.audience.everyone:Tout le monde (visible aussi sans compte)`,
  },
  {
    value: AnnouncementAudience.Site,
    label: $localize`:@@announcements.announcementsAdminPage.audience.site:Les familles d’une école`,
  },
  {
    value: AnnouncementAudience.ClassLevel,
    label: $localize`:@@announcements.announcementsAdminPage.audience.classLevel:Les familles ayant un enfant d’un niveau`,
  },
  {
    value: AnnouncementAudience.Activity,
    label: $localize`:@@announcements.announcementsAdminPage.audience.activity:Les familles ayant un enfant inscrit à une activité`,
  },
];

const STATE_LABELS: Record<AnnouncementState, string> = {
  [AnnouncementState.Scheduled]: $localize`:@@announcements.announcementsAdminPage.state.scheduled:Programmée`,
  [AnnouncementState.Current]: $localize`:@@announcements.announcementsAdminPage.state.current:En ligne`,
  [AnnouncementState.Expired]: $localize`:@@announcements.announcementsAdminPage.state.expired:Expirée`,
};

const STATE_BADGES: Record<AnnouncementState, string> = {
  [AnnouncementState.Scheduled]: 'badge-neutral',
  [AnnouncementState.Current]: 'badge-success',
  [AnnouncementState.Expired]: 'badge-error',
};

/** `2027-01-14T08:30` in the browser's time zone, as a datetime-local input holds it. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** /admin/annonces: the city's announcements, written and scheduled by administrators. */
@Component({
  selector: 'foyer-announcements-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
    InstantFrPipe,
    AnnouncementText,
  ],
  template: `
    <h1 i18n="@@announcements.announcementsAdminPage.announcements">Annonces</h1>
    <p i18n="@@announcements.announcementsAdminPage.citysNewsHomePage" class="lead">
      Les actualités de la ville sur la page d’accueil. À sa publication, une annonce arrive dans la
      messagerie des familles concernées ; une annonce importante leur est aussi envoyée par e-mail et par
      notification.
    </p>

    <section class="panel" aria-labelledby="form-title">
      <h2 id="form-title">
        @if (editing()) {
          <ng-container i18n="@@announcements.announcementsAdminPage.editTitle"
            >Modifier l’annonce</ng-container
          >
        } @else {
          <ng-container i18n="@@announcements.announcementsAdminPage.newTitle">Nouvelle annonce</ng-container>
        }
      </h2>
      <foyer-status-message [message]="saving.status()" />
      <foyer-error-alert [message]="saving.error()" />
      <form id="announcement-form" class="form-stack" [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-form-field>
          <mat-label i18n="@@announcements.announcementsAdminPage.title">Titre</mat-label>
          <input matInput formControlName="title" required [maxlength]="titleMax" />
          <mat-error>{{ errorOf(form.controls.title) }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@announcements.announcementsAdminPage.text">Texte</mat-label>
          <textarea matInput formControlName="text" rows="6" required [maxlength]="textMax"></textarea>
          <mat-hint i18n="@@announcements.announcementsAdminPage.plainTextWebAddresses"
            >Texte simple ; les adresses web (https://…) deviennent des liens.</mat-hint
          >
          <mat-error>{{ errorOf(form.controls.text) }}</mat-error>
        </mat-form-field>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@announcements.announcementsAdminPage.importance">Importance</mat-label>
            <mat-select formControlName="importance" required>
              <mat-option i18n="@@announcements.announcementsAdminPage.normalHomePageInbox" [value]="normal"
                >Normale (accueil et messagerie)</mat-option
              >
              <mat-option i18n="@@announcements.announcementsAdminPage.importantAlsoByE" [value]="important"
                >Importante (aussi par e-mail et notification)</mat-option
              >
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@announcements.announcementsAdminPage.recipients">Destinataires</mat-label>
            <mat-select formControlName="audience" required>
              @for (a of audiences; track a.value) {
                <mat-option [value]="a.value">{{ a.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        @if (audience() === site) {
          <mat-form-field>
            <mat-label i18n="@@announcements.announcementsAdminPage.school">École</mat-label>
            <mat-select formControlName="siteId" required>
              @for (s of schools(); track s.id) {
                <mat-option [value]="s.id">{{ s.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.siteId) }}</mat-error>
          </mat-form-field>
        }
        @if (audience() === activityAudience) {
          <mat-form-field>
            <mat-label i18n="@@announcements.announcementsAdminPage.activity">Activité</mat-label>
            <mat-select formControlName="activityId" required>
              @for (a of activities(); track a.id) {
                <mat-option [value]="a.id">{{ a.name }}</mat-option>
              }
            </mat-select>
            <mat-hint i18n="@@announcements.announcementsAdminPage.familiesWithChildEnrolled"
              >Les familles dont un enfant y est inscrit (inscription acceptée) cette année
              scolaire.</mat-hint
            >
            <mat-error>{{ errorOf(form.controls.activityId) }}</mat-error>
          </mat-form-field>
        }
        @if (audience() === classLevelAudience) {
          <mat-form-field>
            <mat-label i18n="@@announcements.announcementsAdminPage.classLevel">Niveau</mat-label>
            <mat-select formControlName="classLevel" required>
              @for (level of levels; track level) {
                <mat-option [value]="level">{{ level }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.classLevel) }}</mat-error>
          </mat-form-field>
        }
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@announcements.announcementsAdminPage.publication">Publication</mat-label>
            <input matInput type="datetime-local" formControlName="publishAt" required />
            <mat-hint i18n="@@announcements.announcementsAdminPage.dateTimeAppears"
              >Date et heure d’apparition.</mat-hint
            >
            <mat-error>{{ errorOf(form.controls.publishAt) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@announcements.announcementsAdminPage.endDisplayOptional"
              >Fin de diffusion (facultative)</mat-label
            >
            <input matInput type="datetime-local" formControlName="expireAt" />
            <mat-error>{{ errorOf(form.controls.expireAt) }}</mat-error>
          </mat-form-field>
        </div>
        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="saving.busy()">
            @if (editing()) {
              <ng-container i18n="@@announcements.announcementsAdminPage.saveChanges"
                >Enregistrer les modifications</ng-container
              >
            } @else {
              <ng-container i18n="@@announcements.announcementsAdminPage.publish"
                >Publier l’annonce</ng-container
              >
            }
          </button>
          @if (editing()) {
            <button
              i18n="@@announcements.announcementsAdminPage.cancelEdit"
              mat-button
              type="button"
              (click)="cancelEdit()"
            >
              Annuler la modification
            </button>
          }
        </div>
      </form>
    </section>

    <section class="panel" aria-labelledby="list-title">
      <h2 i18n="@@announcements.announcementsAdminPage.publishedScheduledAnnouncements" id="list-title">
        Annonces publiées et programmées
      </h2>
      <foyer-error-alert [message]="listError()" />
      <foyer-status-message [message]="listStatus()" />
      @if (announcements().length === 0) {
        <p i18n="@@announcements.announcementsAdminPage.noAnnouncementsYet">Aucune annonce pour le moment.</p>
      }
      <ul class="plain-list">
        @for (a of announcements(); track a.id) {
          <li class="announcement-card">
            <h3>
              {{ a.title }}
              <span class="badge" [class]="'badge ' + stateBadges[a.state]">{{ stateLabels[a.state] }}</span>
              @if (a.importance === important) {
                <span i18n="@@announcements.announcementsAdminPage.important" class="badge badge-warning"
                  >Importante</span
                >
              }
            </h3>
            <p class="meta">
              <ng-container i18n="@@announcements.announcementsAdminPage.from"
                >{{ a.audienceLabel }} · du {{ a.publishAt | instantFr }}
              </ng-container>
              @if (a.expireAt) {
                <ng-container i18n="@@announcements.announcementsAdminPage.to"
                  >au {{ a.expireAt | instantFr }}
                </ng-container>
              } @else {
                <ng-container i18n="@@announcements.announcementsAdminPage.noEnd">sans fin </ng-container>
              }
            </p>
            <p class="meta">
              @if (a.notifiedAt && a.notifiedHouseholds > 0) {
                <ng-container i18n="@@announcements.announcementsAdminPage.sentFamilyIes"
                  >Envoyée le {{ a.notifiedAt | instantFr }} à {{ a.notifiedHouseholds }} famille(s).
                </ng-container>
              } @else if (a.notifiedAt) {
                <ng-container i18n="@@announcements.announcementsAdminPage.publishedNoFamilyReceived"
                  >Publiée le {{ a.notifiedAt | instantFr }} ; aucune famille ne l’a reçue dans sa messagerie.
                </ng-container>
              } @else {
                <ng-container i18n="@@announcements.announcementsAdminPage.sentFamiliesWhenPublished"
                  >Envoi aux familles à la publication.
                </ng-container>
              }
            </p>
            <foyer-announcement-text [text]="a.text" />
            <div class="actions">
              <button
                i18n="@@announcements.announcementsAdminPage.editAnnouncement"
                mat-stroked-button
                type="button"
                (click)="edit(a)"
              >
                Modifier<span class="visually-hidden"> l’annonce « {{ a.title }} »</span>
              </button>
              <button
                i18n="@@announcements.announcementsAdminPage.deleteAnnouncement"
                mat-stroked-button
                type="button"
                (click)="remove(a)"
              >
                Supprimer<span class="visually-hidden"> l’annonce « {{ a.title }} »</span>
              </button>
            </div>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .announcement-card {
      border: 1px solid #c4c7cf;
      border-radius: 8px;
      padding: 0.25rem 1rem 0.75rem;
      margin: 0.75rem 0;
      background: #fff;
    }
    .announcement-card h3 {
      font-size: 1.1rem;
      overflow-wrap: anywhere;
    }
    .announcement-card h3 .badge {
      margin-left: 0.35rem;
    }
    .meta {
      margin: 0.25rem 0;
      color: #4a4f57;
    }
  `,
})
export class AnnouncementsAdminPage implements OnInit {
  private readonly api = inject(AnnouncementsApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly audiences = AUDIENCES;
  protected readonly levels = Object.values(ClassLevel);
  protected readonly site = AnnouncementAudience.Site;
  protected readonly classLevelAudience = AnnouncementAudience.ClassLevel;
  protected readonly activityAudience = AnnouncementAudience.Activity;
  protected readonly normal = AnnouncementImportance.Normal;
  protected readonly important = AnnouncementImportance.Important;
  protected readonly stateLabels = STATE_LABELS;
  protected readonly stateBadges = STATE_BADGES;
  protected readonly titleMax = ANNOUNCEMENT_TITLE_MAX;
  protected readonly textMax = ANNOUNCEMENT_TEXT_MAX;
  protected readonly errorOf = fieldErrorMessage;

  protected readonly announcements = signal<AdminAnnouncementView[]>([]);
  protected readonly sites = signal<SiteView[]>([]);
  protected readonly activities = signal<ActivityView[]>([]);
  protected readonly schools = computed(() => this.sites().filter((s) => s.kind === SiteKind.School));
  protected readonly listError = signal<string | null>(null);
  protected readonly listStatus = signal<string | null>(null);
  protected readonly editing = signal<AdminAnnouncementView | null>(null);
  protected readonly saving = formState('#announcement-form');

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(ANNOUNCEMENT_TITLE_MAX)]],
    text: ['', [Validators.required, Validators.maxLength(ANNOUNCEMENT_TEXT_MAX)]],
    importance: [AnnouncementImportance.Normal as AnnouncementImportance, [Validators.required]],
    audience: [AnnouncementAudience.Everyone as AnnouncementAudience, [Validators.required]],
    siteId: [''],
    activityId: [''],
    classLevel: ['' as ClassLevel | ''],
    publishAt: [toLocalInput(new Date().toISOString()), [Validators.required]],
    expireAt: [''],
  });
  protected readonly audience = toSignal(this.form.controls.audience.valueChanges, {
    initialValue: this.form.controls.audience.value,
  });

  ngOnInit(): void {
    void this.load();
    void this.api.sites().then(
      (sites) => this.sites.set(sites),
      () => this.sites.set([]),
    );
    void this.api.activities().then(
      (activities) => this.activities.set(activities),
      () => this.activities.set([]),
    );
  }

  protected edit(a: AdminAnnouncementView): void {
    this.editing.set(a);
    this.saving.clear();
    this.form.reset({
      title: a.title,
      text: a.text,
      importance: a.importance,
      audience: a.audience,
      siteId: a.siteId ?? '',
      activityId: a.activityId ?? '',
      classLevel: a.classLevel ?? '',
      publishAt: toLocalInput(a.publishAt),
      expireAt: toLocalInput(a.expireAt),
    });
    document.getElementById('form-title')?.scrollIntoView();
    (document.querySelector('#announcement-form input') as HTMLElement | null)?.focus();
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.saving.clear();
    this.form.reset(this.blank());
  }

  private blank() {
    return {
      title: '',
      text: '',
      importance: AnnouncementImportance.Normal,
      audience: AnnouncementAudience.Everyone,
      siteId: '',
      activityId: '',
      classLevel: '' as const,
      publishAt: toLocalInput(new Date().toISOString()),
      expireAt: '',
    };
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const body: CreateAnnouncementRequest = {
      title: v.title.trim(),
      text: v.text.trim(),
      importance: v.importance,
      audience: v.audience,
      siteId: v.audience === AnnouncementAudience.Site ? v.siteId || null : null,
      activityId: v.audience === AnnouncementAudience.Activity ? v.activityId || null : null,
      classLevel: v.audience === AnnouncementAudience.ClassLevel ? v.classLevel || null : null,
      publishAt: fromLocalInput(v.publishAt) ?? '',
      expireAt: fromLocalInput(v.expireAt),
    };
    const editing = this.editing();
    const missingTarget =
      (v.audience === AnnouncementAudience.Site && !v.siteId) ||
      (v.audience === AnnouncementAudience.ClassLevel && !v.classLevel) ||
      (v.audience === AnnouncementAudience.Activity && !v.activityId);
    const saved = await submitForm({
      state: this.saving,
      form: this.form,
      invalidMessage: $localize`:@@announcements.announcementsAdminPage.invalid:L’annonce contient des erreurs. Corrigez les champs signalés.`,
      extraProblem: () =>
        missingTarget
          ? $localize`:@@announcements.announcementsAdminPage.missingTarget:Choisissez l’école, le niveau ou l’activité des destinataires.`
          : null,
      send: () => (editing ? this.api.update(editing.id, body) : this.api.create(body)),
      resetTo: this.blank(),
      success: (a) =>
        editing
          ? $localize`:@@announcements.announcementsAdminPage.saved:Annonce « ${a.title}:title: » enregistrée.`
          : a.state === AnnouncementState.Scheduled
            ? $localize`:@@announcements.announcementsAdminPage.scheduled:Annonce « ${a.title}:title: » programmée.`
            : $localize`:@@announcements.announcementsAdminPage.published:Annonce « ${a.title}:title: » publiée.`,
    });
    if (saved) {
      this.editing.set(null);
      await this.load();
    }
  }

  protected async remove(a: AdminAnnouncementView): Promise<void> {
    if (
      !window.confirm(
        $localize`:@@announcements.announcementsAdminPage.confirmDelete:Supprimer l’annonce « ${a.title}:title: » ?`,
      )
    )
      return;
    try {
      await this.api.remove(a.id);
      this.listStatus.set(
        $localize`:@@announcements.announcementsAdminPage.deleted:Annonce « ${a.title}:title: » supprimée.`,
      );
      this.listError.set(null);
      if (this.editing()?.id === a.id) this.cancelEdit();
      await this.load();
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }

  private async load(): Promise<void> {
    try {
      this.announcements.set(await this.api.adminList());
      this.listError.set(null);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }
}
