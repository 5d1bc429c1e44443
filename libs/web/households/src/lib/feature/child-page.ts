import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type ChildView,
  ClassLevel,
  type CreateChildRequest,
  Diet,
  Sex,
  type SiteView,
} from '@foyer/shared/contracts';
import { FRENCH_PHONE_PATTERN, parisDateOf } from '@foyer/shared/domain';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { HouseholdStore } from '../data-access/household-store';
import { HouseholdsApi } from '../data-access/households-api';
import { FrenchCalendarHeader, isoDateOf } from '../ui/french-dates';
import { CLASS_LEVEL_LABELS, CLASS_LEVELS, DIET_LABELS, DIETS, SEX_LABELS } from '../ui/labels';

/** Adds a child (/famille/enfants/nouveau) or edits one (/famille/enfants/:childId). */
@Component({
  selector: 'foyer-child-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatRadioModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
  ],
  templateUrl: './child-page.html',
})
export class ChildPage implements OnInit {
  /** From the route (:childId); absent when adding a child. */
  readonly childId = input<string>();

  private readonly api = inject(HouseholdsApi);
  protected readonly store = inject(HouseholdStore);
  private readonly router = inject(Router);

  protected readonly today = parisDateOf(new Date());
  protected readonly schools = signal<SiteView[]>([]);
  protected readonly schoolsError = signal<string | null>(null);
  protected readonly child = signal<ChildView | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly save = formState();
  protected readonly isNew = computed(() => !this.childId());
  protected readonly heading = computed(() => {
    const child = this.child();
    return this.isNew()
      ? $localize`:@@households.child.newHeading:Nouvel enfant`
      : child
        ? `${child.firstName} ${child.lastName}`
        : $localize`:@@households.child.heading:Fiche de l'enfant`;
  });

  protected readonly sexes = [Sex.Female, Sex.Male];
  protected readonly sexLabels = SEX_LABELS;
  protected readonly classLevels = CLASS_LEVELS;
  protected readonly classLevelLabels = CLASS_LEVEL_LABELS;
  protected readonly diets = DIETS;
  protected readonly dietLabels = DIET_LABELS;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly phoneMessages = {
    pattern: $localize`:@@households.child.phonePattern:Saisissez un numéro de téléphone, par exemple 01 23 45 67 89.`,
  };
  protected readonly sexMessages = {
    required: $localize`:@@households.child.sexRequired:Indiquez le sexe de l'enfant.`,
  };
  protected readonly dateMessages = {
    max: $localize`:@@households.child.birthDateFuture:La date de naissance doit être dans le passé.`,
    matDatepickerMax: $localize`:@@households.child.birthDateFuture:La date de naissance doit être dans le passé.`,
    matDatepickerParse: $localize`:@@households.child.dateParse:Saisissez une date, par exemple 14/05/2019.`,
  };
  protected readonly todayDate = new Date();

  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    birthDate: ['' as string | Date, [Validators.required]],
    sex: ['' as Sex | '', [Validators.required]],
    schoolSiteId: ['' as string],
    classLevel: ['' as ClassLevel | ''],
    allergies: ['', [Validators.maxLength(1000)]],
    diet: [Diet.None as Diet],
    pai: [false],
    doctorName: ['', [Validators.maxLength(200)]],
    doctorPhone: ['', [Validators.pattern(FRENCH_PHONE_PATTERN)]],
    authorisedPickupContactIds: [[] as string[]],
    photoConsent: [false],
  });

  ngOnInit(): void {
    void this.loadSchools();
    if (!this.store.household()) void this.store.load();
    const childId = this.childId();
    if (childId) void this.loadChild(childId);
  }

  protected isPickupAllowed(contactId: string): boolean {
    return this.form.controls.authorisedPickupContactIds.value.includes(contactId);
  }

  protected togglePickup(contactId: string, allowed: boolean): void {
    const current = this.form.controls.authorisedPickupContactIds.value.filter((id) => id !== contactId);
    this.form.controls.authorisedPickupContactIds.setValue(allowed ? [...current, contactId] : current);
  }

  protected async submit(): Promise<void> {
    const birthDate = this.form.controls.birthDate;
    if (birthDate.value && isoDateOf(birthDate.value) > this.today) birthDate.setErrors({ max: true });
    const childId = this.childId();
    const saved = await submitForm({
      state: this.save,
      form: this.form,
      invalidMessage: $localize`:@@households.child.invalid:La fiche contient des erreurs. Corrigez les champs signalés.`,
      send: () =>
        childId ? this.api.updateChild(childId, this.toRequest()) : this.api.createChild(this.toRequest()),
      success: () => (childId ? $localize`:@@households.child.saved:Modifications enregistrées.` : null),
    });
    if (!saved) return;
    if (childId) {
      this.child.set(saved);
      void this.store.load();
    } else {
      this.store.flash.set(
        saved.sex === Sex.Female
          ? $localize`:@@households.child.addedFemale:${saved.firstName}:firstName: ${saved.lastName}:lastName: a été ajoutée à votre famille.`
          : $localize`:@@households.child.addedMale:${saved.firstName}:firstName: ${saved.lastName}:lastName: a été ajouté à votre famille.`,
      );
      await this.router.navigateByUrl('/famille');
    }
  }

  private toRequest(): CreateChildRequest {
    const value = this.form.getRawValue();
    const orNull = (text: string) => text.trim() || null;
    return {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      birthDate: isoDateOf(value.birthDate),
      sex: value.sex as Sex,
      schoolSiteId: value.schoolSiteId || null,
      classLevel: value.classLevel || null,
      allergies: orNull(value.allergies),
      diet: value.diet,
      pai: value.pai,
      doctorName: orNull(value.doctorName),
      doctorPhone: orNull(value.doctorPhone),
      authorisedPickupContactIds: value.authorisedPickupContactIds,
      photoConsent: value.photoConsent,
    };
  }

  private async loadSchools(): Promise<void> {
    try {
      this.schools.set(await this.api.schools());
    } catch (failure) {
      this.schoolsError.set(
        $localize`:@@households.child.schoolsFailed:La liste des écoles n'a pas pu être chargée. ${toFormError(failure).message}:reason:`,
      );
    }
  }

  private async loadChild(childId: string): Promise<void> {
    this.loading.set(true);
    try {
      const child = await this.api.child(childId);
      this.child.set(child);
      this.form.reset({
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: child.birthDate,
        sex: child.sex,
        schoolSiteId: child.schoolSiteId ?? '',
        classLevel: child.classLevel ?? '',
        allergies: child.allergies ?? '',
        diet: child.diet,
        pai: child.pai,
        doctorName: child.doctorName ?? '',
        doctorPhone: child.doctorPhone ?? '',
        authorisedPickupContactIds: child.authorisedPickupContactIds,
        photoConsent: child.photoConsent,
      });
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
