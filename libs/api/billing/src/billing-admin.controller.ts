import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BillingRoutes,
  BillingRunView,
  CreditNoteView,
  FamilyAccountView,
  InvoiceLineView,
  InvoiceSummaryView,
  InvoiceView,
  Permission,
  TariffView,
} from '@foyer/shared/contracts';
import { APP_CONFIG, Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser } from '@foyer/api/core';
import { HouseholdAccess } from '@foyer/api/households';
import { BillingRunsService } from './billing-runs.service';
import {
  CreateBillingRunDto,
  CreateCreditNoteDto,
  CreateTariffDto,
  FinalizeBillingRunDto,
  SepaFileQueryDto,
  TreasuryExportQueryDto,
  UpdateTariffDto,
} from './dto/billing.dto';
import { ExportsService } from './exports.service';
import { pdfFile } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { invoicePdf } from './pdf/invoice-pdf';
import { SepaService } from './sepa.service';
import { TariffsService } from './tariffs.service';

const uuid = new ParseIdPipe();
const R = BillingRoutes.billingRuns;
const T = BillingRoutes.tariffs;
const H = BillingRoutes.agentHouseholds;
const AI = BillingRoutes.creditNotes;

/** The back office of billing: tariffs, billing runs, a family's invoices, credit notes, exports. */
@ApiTags('billing-admin')
@Controller()
export class BillingAdminController {
  constructor(
    private readonly tariffs: TariffsService,
    private readonly runs: BillingRunsService,
    private readonly invoices: InvoicesService,
    private readonly exportsService: ExportsService,
    private readonly sepa: SepaService,
    private readonly households: HouseholdAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // --- Tariffs ---

  @Auth({ permission: Permission.TariffsManage })
  @Get(T)
  listTariffs(): Promise<TariffView[]> {
    return this.tariffs.list();
  }

  @Auth({ permission: Permission.TariffsManage })
  @Post(T)
  createTariff(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateTariffDto): Promise<TariffView> {
    return this.tariffs.create(dto, user);
  }

  @Auth({ permission: Permission.TariffsManage })
  @Patch(`${T}/:tariffId`)
  updateTariff(
    @CurrentUser() user: AuthenticatedUser,
    @Param('tariffId', uuid) tariffId: string,
    @Body() dto: UpdateTariffDto,
  ): Promise<TariffView> {
    return this.tariffs.update(tariffId, dto, user);
  }

  // --- Billing runs ---

  @Auth({ permission: Permission.BillingManage })
  @Get(R)
  listRuns(): Promise<BillingRunView[]> {
    return this.runs.list();
  }

  @Auth({ permission: Permission.BillingManage })
  @Post(R)
  createRun(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateBillingRunDto,
  ): Promise<BillingRunView> {
    return this.runs.create(dto.period, user);
  }

  @Auth({ permission: Permission.BillingManage })
  @Get(`${R}/:billingRunId`)
  getRun(@Param('billingRunId', uuid) billingRunId: string): Promise<BillingRunView> {
    return this.runs.view(billingRunId);
  }

  @Auth({ permission: Permission.BillingManage })
  @Get(`${R}/:billingRunId/households/:householdId`)
  runHousehold(
    @Param('billingRunId', uuid) billingRunId: string,
    @Param('householdId', uuid) householdId: string,
  ): Promise<InvoiceLineView[]> {
    return this.runs.householdLines(billingRunId, householdId);
  }

  @Auth({ permission: Permission.BillingManage })
  @Post(`${R}/:billingRunId/rerun`)
  @HttpCode(200)
  rerun(
    @CurrentUser() user: AuthenticatedUser,
    @Param('billingRunId', uuid) billingRunId: string,
  ): Promise<BillingRunView> {
    return this.runs.rerun(billingRunId, user);
  }

  @Auth({ permission: Permission.BillingManage })
  @Post(`${R}/:billingRunId/finalize`)
  @HttpCode(200)
  finalize(
    @CurrentUser() user: AuthenticatedUser,
    @Param('billingRunId', uuid) billingRunId: string,
    @Body() dto: FinalizeBillingRunDto,
  ): Promise<BillingRunView> {
    return this.runs.finalize(billingRunId, dto.ignoreBlockers ?? false, user);
  }

  // --- A family's invoices, for agents ---

  @Auth({ permission: Permission.BillingManage })
  @Get(`${H}/:householdId/invoices`)
  async householdInvoices(@Param('householdId', uuid) householdId: string): Promise<InvoiceSummaryView[]> {
    await this.households.requireHousehold(householdId);
    return this.invoices.list(householdId);
  }

  @Auth({ permission: Permission.BillingManage })
  @Get(`${H}/:householdId/account`)
  async householdAccount(@Param('householdId', uuid) householdId: string): Promise<FamilyAccountView> {
    await this.households.requireHousehold(householdId);
    return this.invoices.account(householdId);
  }

  @Auth({ permission: Permission.BillingManage })
  @Get(`${AI}/:invoiceId`)
  invoice(@Param('invoiceId', uuid) invoiceId: string): Promise<InvoiceView> {
    return this.invoices.view(invoiceId, null);
  }

  @Auth({ permission: Permission.BillingManage })
  @Get(`${AI}/:invoiceId/pdf`)
  async invoicePdf(@Param('invoiceId', uuid) invoiceId: string): Promise<StreamableFile> {
    const invoice = await this.invoices.view(invoiceId, null);
    const entity = await this.invoices.requireInvoice(invoiceId, null);
    const pdf = await invoicePdf(
      invoice,
      entity.addressee,
      this.invoices.issuer,
      `${this.config.publicUrl}/factures`,
    );
    return pdfFile(pdf, `facture-${invoice.number}.pdf`);
  }

  @Auth({ permission: Permission.BillingManage })
  @Post(`${AI}/:invoiceId/credit-notes`)
  creditNote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('invoiceId', uuid) invoiceId: string,
    @Body() dto: CreateCreditNoteDto,
  ): Promise<CreditNoteView> {
    return this.invoices.createCreditNote(invoiceId, dto.amountCents, dto.reason, user);
  }

  // --- Exports ---

  @Auth({ permission: Permission.BillingManage })
  @Get(BillingRoutes.treasuryExport)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async treasury(@Query() query: TreasuryExportQueryDto): Promise<StreamableFile> {
    const csv = await this.exportsService.treasuryCsv(query.from, query.to);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="tresorerie-${query.from}-${query.to}.csv"`,
    });
  }

  @Auth({ permission: Permission.BillingManage })
  @Post(BillingRoutes.sepaFile)
  @HttpCode(200)
  async sepaFile(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: SepaFileQueryDto,
  ): Promise<StreamableFile> {
    const { xml } = await this.sepa.file(dto.period, user);
    return new StreamableFile(Buffer.from(xml, 'utf8'), {
      type: 'application/xml; charset=utf-8',
      disposition: `attachment; filename="prelevements-${dto.period}.xml"`,
    });
  }
}
