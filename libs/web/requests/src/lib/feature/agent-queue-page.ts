import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  LOCALE_ID,
  OnInit,
  signal,
  untracked,
} from '@angular/core';

import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type AgentRequestSummaryView,
  RequestStatus,
  type RequestQueuePageView,
  type RequestQueueQuery,
  type RequestQueueSort,
  type RequestTypeView,
  type SiteView,
} from '@foyer/shared/contracts';
import { DayFrPipe, ErrorAlert, fieldErrorMessage, toFormError } from '@foyer/web/core';
import { AgentRequestsApi } from '../data-access/requests-api';
import { statusBadgeClass, statusLabel } from '../ui/labels';

const PAGE_SIZE = 25;

const SORTS: { value: RequestQueueSort; label: string }[] = [
  { value: 'due', label: $localize`:@@requests.queue.sortDue:Échéance la plus proche` },
  { value: '-due', label: $localize`:@@requests.queue.sortDueDesc:Échéance la plus lointaine` },
  { value: 'submitted', label: $localize`:@@requests.queue.sortSubmitted:Reçues en premier` },
  { value: '-submitted', label: $localize`:@@requests.queue.sortSubmittedDesc:Reçues en dernier` },
  { value: '-updated', label: $localize`:@@requests.queue.sortUpdated:Mises à jour récemment` },
  { value: 'number', label: $localize`:@@requests.queue.sortNumber:Numéro croissant` },
  { value: '-number', label: $localize`:@@requests.queue.sortNumberDesc:Numéro décroissant` },
];

/**
 * /agent/demarches: the queue. Every filter lives in the URL, so « Retour » from a request comes
 * back to the same list, and a link can be shared with a colleague.
 */
@Component({
  selector: 'foyer-agent-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DayFrPipe,
    ErrorAlert,
  ],
  templateUrl: './agent-queue-page.html',
  styles: `
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
      gap: 0.75rem 1rem;
      align-items: start;
    }
    .filters > * {
      min-width: 0;
    }
    .filters mat-form-field {
      width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #c4c7cf;
      vertical-align: top;
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
  `,
})
export class AgentQueuePage implements OnInit {
  readonly type = input<string>();
  readonly status = input<string>();
  readonly assignee = input<string>();
  readonly overdue = input<string>();
  readonly school = input<string>();
  readonly q = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();

  private readonly api = inject(AgentRequestsApi);
  private readonly router = inject(Router);
  private readonly locale = inject(LOCALE_ID);

  protected readonly sorts = SORTS;
  protected readonly statuses = Object.values(RequestStatus)
    .filter((status) => status !== RequestStatus.Draft)
    .map((status) => ({ value: status, label: statusLabel(status, true) }));
  protected readonly types = signal<RequestTypeView[]>([]);
  protected readonly schools = signal<SiteView[]>([]);
  protected readonly result = signal<RequestQueuePageView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorOf = fieldErrorMessage;

  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
    type: new FormControl('', { nonNullable: true }),
    status: new FormControl('', { nonNullable: true }),
    assignee: new FormControl('', { nonNullable: true }),
    school: new FormControl('', { nonNullable: true }),
    sort: new FormControl<RequestQueueSort>('due', { nonNullable: true }),
    overdue: new FormControl(false, { nonNullable: true }),
  });

  private readonly query = computed<RequestQueueQuery>(() => ({
    q: this.q() || undefined,
    type: this.type() || undefined,
    status: this.status() || undefined,
    assignee: this.assignee() || undefined,
    school: this.school() || undefined,
    overdue: this.overdue() === 'true' ? 'true' : undefined,
    sort: (this.sort() as RequestQueueSort) || 'due',
    page: Math.max(1, Number(this.page()) || 1),
    pageSize: PAGE_SIZE,
  }));

  protected readonly currentPage = computed(() => this.query().page ?? 1);
  protected readonly pageCount = computed(() => {
    const total = this.result()?.total ?? 0;
    return Math.max(1, Math.ceil(total / PAGE_SIZE));
  });
  protected readonly summary = computed(() => {
    if (this.loading()) return $localize`:@@requests.queue.loading:Chargement des demandes…`;
    const result = this.result();
    if (!result || this.error()) return '';
    const total = result.total ?? result.items.length;
    if (total === 0) return $localize`:@@requests.queue.none:Aucune demande ne correspond à ces critères.`;
    const page = this.currentPage();
    const pages = this.pageCount();
    return total === 1
      ? $localize`:@@requests.queue.summaryOne:1 demande — page ${page}:page: sur ${pages}:pages:.`
      : $localize`:@@requests.queue.summaryMany:${new Intl.NumberFormat(this.locale).format(total)}:count: demandes — page ${page}:page: sur ${pages}:pages:.`;
  });

  protected readonly badge = (item: AgentRequestSummaryView) => statusBadgeClass(item.status);
  protected readonly label = (item: AgentRequestSummaryView) => statusLabel(item.status, true);

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.filters.setValue({
          q: query.q ?? '',
          type: query.type ?? '',
          status: query.status ?? '',
          assignee: query.assignee ?? '',
          school: query.school ?? '',
          sort: query.sort ?? 'due',
          overdue: query.overdue === 'true',
        });
        void this.load(query);
      });
    });
  }

  ngOnInit(): void {
    void this.api.types().then(
      (types) => this.types.set(types),
      () => undefined,
    );
    void this.api.schools().then(
      (schools) => this.schools.set(schools),
      () => undefined,
    );
  }

  protected apply(): void {
    this.filters.markAllAsTouched();
    if (this.filters.invalid) return;
    const value = this.filters.getRawValue();
    void this.router.navigate([], {
      queryParams: {
        q: value.q.trim() || null,
        type: value.type || null,
        status: value.status || null,
        assignee: value.assignee || null,
        school: value.school || null,
        sort: value.sort === 'due' ? null : value.sort,
        overdue: value.overdue ? 'true' : null,
        page: null,
      },
    });
  }

  protected reset(): void {
    void this.router.navigate([], { queryParams: {} });
  }

  protected goToPage(page: number): void {
    void this.router.navigate([], {
      queryParams: { page: page > 1 ? page : null },
      queryParamsHandling: 'merge',
    });
  }

  private async load(query: RequestQueueQuery): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.result.set(await this.api.queue(query));
    } catch (failure) {
      this.result.set(null);
      this.error.set(toFormError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
