import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BillingRoutes,
  FamilyAccountView,
  InvoiceSummaryView,
  InvoiceView,
  MandateStateView,
  Permission,
  SepaMandateView,
} from '@foyer/shared/contracts';
import { APP_CONFIG, Auth, CurrentUser, NotFoundError, NotFromKiosk, ParseIdPipe } from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser } from '@foyer/api/core';
import { HouseholdAccess } from '@foyer/api/households';
import { CertificatesService } from './certificates.service';
import { CertificateQueryDto, CreateSepaMandateDto } from './dto/billing.dto';
import { InvoicesService } from './invoices.service';
import { MandatesService } from './mandates.service';
import { invoicePdf } from './pdf/invoice-pdf';

const uuid = new ParseIdPipe();
const I = BillingRoutes.invoices;

export function pdfFile(pdf: Buffer, fileName: string): StreamableFile {
  return new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="${fileName}"`,
    length: pdf.length,
  });
}

/** The family's side: invoices, their PDF and payment certificates, the account, the SEPA mandate. */
@ApiTags('billing')
@Controller()
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly mandates: MandatesService,
    private readonly certificates: CertificatesService,
    private readonly households: HouseholdAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async own(user: AuthenticatedUser): Promise<string> {
    const householdId = await this.invoices.householdOf(user);
    if (!householdId) throw new NotFoundError('Cette facture est introuvable.');
    return householdId;
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(I)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<InvoiceSummaryView[]> {
    const householdId = await this.invoices.householdOf(user);
    return householdId ? this.invoices.list(householdId) : [];
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${I}/:invoiceId`)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('invoiceId', uuid) invoiceId: string,
  ): Promise<InvoiceView> {
    return this.invoices.view(invoiceId, await this.own(user));
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${I}/:invoiceId/pdf`)
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('invoiceId', uuid) invoiceId: string,
  ): Promise<StreamableFile> {
    const householdId = await this.own(user);
    const invoice = await this.invoices.view(invoiceId, householdId);
    const entity = await this.invoices.requireInvoice(invoiceId, householdId);
    const pdf = await invoicePdf(
      invoice,
      entity.addressee,
      this.invoices.issuer,
      `${this.config.publicUrl}/factures`,
    );
    return pdfFile(pdf, `facture-${invoice.number}.pdf`);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${I}/:invoiceId/certificate`)
  async paymentCertificate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('invoiceId', uuid) invoiceId: string,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.certificates.paymentCertificate(invoiceId, await this.own(user));
    return pdfFile(pdf, fileName);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(BillingRoutes.account)
  async account(@CurrentUser() user: AuthenticatedUser): Promise<FamilyAccountView> {
    return this.invoices.account(await this.households.householdIdOf(user));
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${BillingRoutes.certificates}/childcare`)
  async childcareCertificate(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CertificateQueryDto,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.certificates.childcareCertificate(
      await this.households.householdIdOf(user),
      query.year,
    );
    return pdfFile(pdf, fileName);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(BillingRoutes.mandate)
  async mandate(@CurrentUser() user: AuthenticatedUser): Promise<MandateStateView> {
    return { mandate: await this.mandates.current(await this.households.householdIdOf(user)) };
  }

  @NotFromKiosk()
  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BillingRoutes.mandate)
  async signMandate(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateSepaMandateDto,
  ): Promise<SepaMandateView> {
    return this.mandates.sign(await this.households.householdIdOf(user), dto, user);
  }

  @NotFromKiosk()
  @Auth({ permission: Permission.HouseholdOwn })
  @Delete(BillingRoutes.mandate)
  @HttpCode(204)
  async revokeMandate(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.mandates.revoke(await this.households.householdIdOf(user), user);
  }
}
