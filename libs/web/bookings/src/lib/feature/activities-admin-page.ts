import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  OnInit,
  signal,
} from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ActivityKind,
  type ActivityRulesView,
  type ActivityView,
  LateChangePolicy,
  PromotionPolicy,
  type SiteOfferView,
  type SiteView,
} from '@foyer/shared/contracts';
import {
  describeDeadlineRuleFr,
  formatDateFr,
  isDeadlineRule,
  parisInstant,
  parseDeadlineRule,
} from '@foyer/shared/domain';
import {
  ErrorAlert,
  fieldErrorMessage,
  FormState,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { FrenchCalendarHeader, isoDateOf } from '@foyer/web/households';
import { BookingsApi } from '../data-access/bookings-api';
import { FRENCH, formatMomentFr, formatMoney, formatTime } from '../ui/french-time';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  documentLabel,
  LATE_POLICY_LABELS,
  PROMOTION_LABELS,
} from '../ui/labels';

function deadlineRuleValidator(control: AbstractControl): ValidationErrors | null {
  return !control.value || isDeadlineRule(control.value) ? null : { deadlineRule: true };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * /admin/activites: the catalogue. Each activity's rules (deadlines in the rule language, late policy,
 * window, sick hour, promotion), its offers per site (capacity, waiting list, a day's own capacity) and
 * the holiday centre's campaigns.
 */
@Component({
  selector: 'foyer-activities-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
  ],
  templateUrl: './activities-admin-page.html',
  styles: `
    th {
      text-align: left;
    }
  `,
})
export class ActivitiesAdminPage implements OnInit {
  private readonly api = inject(BookingsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly activities = signal<ActivityView[]>([]);
  protected readonly sites = signal<SiteView[]>([]);
  protected readonly listError = signal<string | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.activities().find((a) => a.id === this.selectedId()) ?? null,
  );
  protected readonly rulesState = formState('#rules-form');
  protected readonly offerState = formState('#offer-form');
  protected readonly overrideState = formState('#override-form');
  protected readonly campaignState = formState('#campaign-form');
  protected readonly creation = formState('#activity-form');
  private readonly offerStates = new Map<string, FormState>();
  protected readonly errorOf = fieldErrorMessage;
  protected readonly kinds = ACTIVITY_KINDS;
  protected readonly kindLabels = ACTIVITY_KIND_LABELS;
  protected readonly lateLabels = LATE_POLICY_LABELS;
  protected readonly promotionLabels = PROMOTION_LABELS;
  protected readonly latePolicies = Object.values(LateChangePolicy);
  protected readonly promotions = Object.values(PromotionPolicy);
  protected readonly holidayKind = ActivityKind.HolidayCentre;
  protected readonly formatDate = formatDateFr;
  protected readonly moment = formatMomentFr;
  protected readonly ruleMessages = {
    deadlineRule: $localize`:@@bookings.activities.ruleInvalid:Règle non reconnue. Exemples : « the day before at 12:00 », « 2 working days before at 09:00 », « thursday of the week before at 12:00 ».`,
  };
  protected readonly timeMessages = {
    pattern: $localize`:@@bookings.activities.timeInvalid:Saisissez une heure, par exemple 09:30.`,
  };
  protected readonly dateMessages = {
    matDatepickerParse: $localize`:@@bookings.activities.dateInvalid:Saisissez une date, par exemple 15/02/2027.`,
  };
  protected readonly calendarHeader = FrenchCalendarHeader;

  private readonly rulesGroup = () =>
    this.fb.group({
      bookingDeadline: ['the day before at 12:00', [Validators.required, deadlineRuleValidator]],
      cancelDeadline: ['the day before at 12:00', [Validators.required, deadlineRuleValidator]],
      windowWeeks: [8, [Validators.required, Validators.min(1), Validators.max(52)]],
      lateChange: [LateChangePolicy.Refuse as LateChangePolicy],
      lateSurchargeEuros: [0, [Validators.min(0), Validators.max(1000)]],
      sickCancelUntil: ['', [Validators.pattern(TIME)]],
      certificateDays: [2, [Validators.min(0), Validators.max(60)]],
      promotion: [PromotionPolicy.Auto as PromotionPolicy],
      offerHours: [24, [Validators.min(1), Validators.max(240)]],
    });

  protected readonly rulesForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    rules: this.rulesGroup(),
  });
  protected readonly createForm = this.fb.group({
    code: [
      '',
      [Validators.required, Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/), Validators.maxLength(60)],
    ],
    kind: [ActivityKind.Canteen as ActivityKind, [Validators.required]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    rules: this.rulesGroup(),
  });
  protected readonly offerForm = this.fb.group({
    siteId: ['', [Validators.required]],
    capacityPerDay: [30, [Validators.required, Validators.min(0), Validators.max(10000)]],
    waitlistSize: [10, [Validators.required, Validators.min(0), Validators.max(10000)]],
  });
  protected readonly offerEditForm = this.fb.group({
    capacityPerDay: [0, [Validators.required, Validators.min(0), Validators.max(10000)]],
    waitlistSize: [0, [Validators.required, Validators.min(0), Validators.max(10000)]],
  });
  protected readonly editingOffer = signal<string | null>(null);
  protected readonly overrideForm = this.fb.group({
    offerId: ['', [Validators.required]],
    date: ['' as string | Date, [Validators.required]],
    capacity: [0, [Validators.required, Validators.min(0), Validators.max(10000)]],
  });
  protected readonly campaignForm = this.fb.group({
    periodName: ['', [Validators.required, Validators.maxLength(100)]],
    periodFrom: ['' as string | Date, [Validators.required]],
    periodTo: ['' as string | Date, [Validators.required]],
    opensOn: ['' as string | Date, [Validators.required]],
    opensTime: ['08:00', [Validators.required, Validators.pattern(TIME)]],
    closesOn: ['' as string | Date, [Validators.required]],
    closesTime: ['23:59', [Validators.required, Validators.pattern(TIME)]],
  });

  ngOnInit(): void {
    void this.load();
  }

  protected ruleText(rule: string): string {
    try {
      const parsed = parseDeadlineRule(rule);
      return FRENCH ? describeDeadlineRuleFr(parsed) : rule.trim();
    } catch {
      return rule;
    }
  }

  protected rulesSummary(rules: ActivityRulesView): string[] {
    return [
      $localize`:@@bookings.activities.summaryBooking:Réservation jusqu'à ${this.ruleText(rules.bookingDeadline)}:RULE:`,
      $localize`:@@bookings.activities.summaryCancel:Annulation jusqu'à ${this.ruleText(rules.cancelDeadline)}:RULE:`,
      $localize`:@@bookings.activities.summaryWindow:Ouverte ${rules.windowWeeks}:WEEKS: semaines à l'avance`,
      rules.lateChange === LateChangePolicy.Surcharge
        ? $localize`:@@bookings.activities.summarySurcharge:Après la date limite : acceptée avec une majoration de ${formatMoney(rules.lateSurchargeCents)}:AMOUNT:`
        : $localize`:@@bookings.activities.summaryRefused:Après la date limite : refusée`,
      rules.sickCancelUntil
        ? $localize`:@@bookings.activities.summarySick:Absence pour maladie signalée le jour même jusqu'à ${formatTime(rules.sickCancelUntil)}:TIME:, certificat sous ${rules.certificateDays}:DAYS: jours`
        : $localize`:@@bookings.activities.summaryNoSick:Pas d’annulation pour maladie le jour même`,
      rules.promotion === PromotionPolicy.Offer
        ? $localize`:@@bookings.activities.summaryOffer:Place libérée proposée pendant ${rules.offerHours}:HOURS: h au premier de la liste d'attente`
        : $localize`:@@bookings.activities.summaryAuto:Place libérée donnée aussitôt au premier de la liste d'attente`,
    ];
  }

  protected documentsText(types: string[]): string {
    return types.length ? types.map(documentLabel).join(', ') : $localize`:@@bookings.activities.none:aucun`;
  }

  protected select(activity: ActivityView): void {
    this.selectedId.set(activity.id);
    this.editingOffer.set(null);
    for (const state of [this.rulesState, this.offerState, this.overrideState, this.campaignState])
      state.clear();
    this.rulesForm.reset({ name: activity.name, rules: this.rulesValue(activity.rules) });
    this.overrideForm.reset({ offerId: activity.offers[0]?.id ?? '', date: '', capacity: 0 });
  }

  protected offerStateOf(offer: SiteOfferView): FormState {
    let state = this.offerStates.get(offer.id);
    if (!state) {
      state = new FormState(this.host, this.injector);
      this.offerStates.set(offer.id, state);
    }
    return state;
  }

  protected editOffer(offer: SiteOfferView): void {
    this.offerEditForm.reset({ capacityPerDay: offer.capacityPerDay, waitlistSize: offer.waitlistSize });
    this.editingOffer.set(offer.id);
  }

  protected async saveRules(activity: ActivityView): Promise<void> {
    const value = this.rulesForm.getRawValue();
    const saved = await submitForm({
      state: this.rulesState,
      form: this.rulesForm,
      invalidMessage: $localize`:@@bookings.activities.rulesInvalid:Les règles contiennent des erreurs. Corrigez les champs signalés.`,
      send: () =>
        this.api.updateActivity(activity.id, { name: value.name.trim(), rules: this.rulesOf(value.rules) }),
      success: (result) =>
        $localize`:@@bookings.activities.rulesSaved:Règles de « ${result.name}:NAME: » enregistrées.`,
      aliases: this.ruleAliases(),
    });
    if (saved) this.replace(saved);
  }

  protected async addOffer(activity: ActivityView): Promise<void> {
    const value = this.offerForm.getRawValue();
    const offer = await submitForm({
      state: this.offerState,
      form: this.offerForm,
      invalidMessage: $localize`:@@bookings.activities.offerInvalid:L'offre contient des erreurs. Corrigez les champs signalés.`,
      send: () => this.api.addOffer(activity.id, value),
      success: () => {
        const site =
          this.sites().find((s) => s.id === value.siteId)?.name ??
          $localize`:@@bookings.activities.aSite:site`;
        return $localize`:@@bookings.activities.offerAdded:Offre ajoutée : ${site}:SITE:, ${value.capacityPerDay}:COUNT: places par jour.`;
      },
      resetTo: { siteId: '', capacityPerDay: 30, waitlistSize: 10 },
    });
    if (offer) this.replace(offer);
  }

  protected async saveOffer(offer: SiteOfferView): Promise<void> {
    const value = this.offerEditForm.getRawValue();
    const saved = await submitForm({
      state: this.offerStateOf(offer),
      form: this.offerEditForm,
      invalidMessage: $localize`:@@bookings.activities.capacityInvalid:Les nombres de places doivent être positifs.`,
      send: () => this.api.updateOffer(offer.id, value),
      success: () =>
        $localize`:@@bookings.activities.offerSaved:${offer.siteName}:SITE: : ${value.capacityPerDay}:COUNT: places, liste d'attente de ${value.waitlistSize}:WAITLIST:.`,
    });
    if (!saved) return;
    this.editingOffer.set(null);
    this.replace(saved);
  }

  protected async saveOverride(activity: ActivityView): Promise<void> {
    const value = this.overrideForm.getRawValue();
    const saved = await submitForm({
      state: this.overrideState,
      form: this.overrideForm,
      invalidMessage: $localize`:@@bookings.activities.overrideInvalid:Choisissez le site, le jour et le nombre de places.`,
      send: () =>
        this.api.setCapacityOverride(value.offerId, {
          date: isoDateOf(value.date),
          capacity: value.capacity,
        }),
      success: (result) =>
        $localize`:@@bookings.activities.overrideSaved:${result.siteName}:SITE: : ${value.capacity}:COUNT: places le ${formatDateFr(isoDateOf(value.date))}:DAY:.`,
      resetTo: { offerId: value.offerId, date: '', capacity: 0 },
    });
    if (saved)
      this.replace({ ...activity, offers: activity.offers.map((o) => (o.id === saved.id ? saved : o)) });
  }

  protected async addCampaign(activity: ActivityView): Promise<void> {
    const value = this.campaignForm.getRawValue();
    const campaign = await submitForm({
      state: this.campaignState,
      form: this.campaignForm,
      invalidMessage: $localize`:@@bookings.activities.campaignInvalid:La campagne contient des erreurs. Corrigez les champs signalés.`,
      send: () =>
        this.api.createCampaign({
          activityId: activity.id,
          periodName: value.periodName.trim(),
          periodFrom: isoDateOf(value.periodFrom),
          periodTo: isoDateOf(value.periodTo),
          opensAt: parisInstant(isoDateOf(value.opensOn), value.opensTime).toISOString(),
          closesAt: parisInstant(isoDateOf(value.closesOn), value.closesTime).toISOString(),
        }),
      success: () =>
        $localize`:@@bookings.activities.campaignSaved:Campagne « ${value.periodName.trim()}:NAME: » enregistrée.`,
      resetTo: {
        periodName: '',
        periodFrom: '',
        periodTo: '',
        opensOn: '',
        opensTime: '08:00',
        closesOn: '',
        closesTime: '23:59',
      },
    });
    if (campaign) this.replace(campaign);
  }

  protected async create(): Promise<void> {
    const value = this.createForm.getRawValue();
    const created = await submitForm({
      state: this.creation,
      form: this.createForm,
      invalidMessage: $localize`:@@bookings.activities.activityInvalid:L'activité contient des erreurs. Corrigez les champs signalés.`,
      send: () =>
        this.api.createActivity({
          code: value.code.trim(),
          kind: value.kind,
          name: value.name.trim(),
          rules: this.rulesOf(value.rules),
        }),
      success: (activity) =>
        $localize`:@@bookings.activities.added:Activité « ${activity.name}:NAME: » ajoutée. Ajoutez-lui maintenant ses sites.`,
      aliases: this.ruleAliases(),
    });
    if (!created) return;
    this.activities.update((all) => [...all, created]);
    this.createForm.reset({ code: '', kind: ActivityKind.Canteen, name: '', rules: this.rulesValue(null) });
    this.select(created);
  }

  private ruleAliases(): Record<string, string> {
    const fields = [
      'bookingDeadline',
      'cancelDeadline',
      'windowWeeks',
      'lateChange',
      'sickCancelUntil',
      'certificateDays',
      'promotion',
      'offerHours',
    ];
    return Object.fromEntries([
      ...fields.map((field) => [`rules.${field}`, `rules.${field}`]),
      ['rules.lateSurchargeCents', 'rules.lateSurchargeEuros'],
    ]);
  }

  private rulesValue(rules: ActivityRulesView | null) {
    return {
      bookingDeadline: rules?.bookingDeadline ?? 'the day before at 12:00',
      cancelDeadline: rules?.cancelDeadline ?? 'the day before at 12:00',
      windowWeeks: rules?.windowWeeks ?? 8,
      lateChange: rules?.lateChange ?? LateChangePolicy.Refuse,
      lateSurchargeEuros: (rules?.lateSurchargeCents ?? 0) / 100,
      sickCancelUntil: rules?.sickCancelUntil ?? '',
      certificateDays: rules?.certificateDays ?? 2,
      promotion: rules?.promotion ?? PromotionPolicy.Auto,
      offerHours: rules?.offerHours ?? 24,
    };
  }

  private rulesOf(value: ReturnType<ActivitiesAdminPage['rulesValue']>): ActivityRulesView {
    return {
      bookingDeadline: value.bookingDeadline.trim(),
      cancelDeadline: value.cancelDeadline.trim(),
      windowWeeks: Number(value.windowWeeks),
      lateChange: value.lateChange,
      lateSurchargeCents: Math.round(Number(value.lateSurchargeEuros) * 100),
      sickCancelUntil: value.sickCancelUntil.trim() || null,
      certificateDays: Number(value.certificateDays),
      promotion: value.promotion,
      offerHours: Number(value.offerHours),
    };
  }

  private replace(activity: ActivityView): void {
    this.activities.update((all) => all.map((a) => (a.id === activity.id ? activity : a)));
  }

  private async load(): Promise<void> {
    try {
      const [activities, sites] = await Promise.all([this.api.adminActivities(), this.api.sites()]);
      this.activities.set(activities);
      this.sites.set(sites);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }
}
