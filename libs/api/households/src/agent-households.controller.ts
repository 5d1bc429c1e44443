import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AgentHouseholdRoutes,
  AuditEntryView,
  HouseholdMessageView,
  ChildView,
  ClosureRequestView,
  ContactView,
  DocumentView,
  HouseholdSummaryView,
  HouseholdView,
  PendingQuotientView,
  Permission,
  QuotientView,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { NotificationsService } from '@foyer/api/notifications';
import { HouseholdSearchQueryDto } from './dto/agent.dto';
import { UpdateChildDto } from './dto/child.dto';
import { AddressDto, ContactDto, UpdateContactDto } from './dto/household.dto';
import { DecideQuotientDto, QuotientsQueryDto } from './dto/quotient.dto';
import { readableTypes } from './document-access';
import { DocumentsService } from './documents.service';
import { ChildrenService } from './children.service';
import { ContactsService } from './contacts.service';
import { HouseholdAccess } from './household-access';
import { HouseholdSearchService } from './household-search.service';
import { HouseholdsService } from './households.service';
import { PrivacyService } from './privacy.service';
import { QuotientsService } from './quotients.service';
import { privateDownload } from './upload';

const A = AgentHouseholdRoutes.households;
const uuid = new ParseIdPipe();

/** The back office: agents search, read and edit households on the family's behalf. */
@ApiTags('agent')
@Controller()
export class AgentHouseholdsController {
  constructor(
    private readonly access: HouseholdAccess,
    private readonly households: HouseholdsService,
    private readonly contacts: ContactsService,
    private readonly children: ChildrenService,
    private readonly searching: HouseholdSearchService,
    private readonly quotients: QuotientsService,
    private readonly documents: DocumentsService,
    private readonly privacy: PrivacyService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The messages sent to the family (inbox and e-mail) with their delivery status. */
  @Auth({ permission: Permission.HouseholdsRead })
  @Get(`${A}/:householdId/messages`)
  async messages(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
  ): Promise<HouseholdMessageView[]> {
    await this.access.requireHousehold(householdId);
    // A reminder naming a document type the agent may not read (a PAI) shows its topic only.
    return this.notifications.householdMessages(householdId, readableTypes(user));
  }

  @Auth({ permission: Permission.HouseholdsRead })
  @Get(A)
  search(@Query() query: HouseholdSearchQueryDto): Promise<HouseholdSummaryView[]> {
    return this.searching.search(query.q);
  }

  @Auth({ permission: Permission.HouseholdsRead })
  @Get(`${A}/:householdId`)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
  ): Promise<HouseholdView> {
    return this.access.getView(householdId, readableTypes(user));
  }

  @Auth({ permission: Permission.HouseholdsRead })
  @Get(`${A}/:householdId/audit`)
  audit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
  ): Promise<AuditEntryView[]> {
    return this.access.auditOf(householdId, readableTypes(user));
  }

  @Auth({ permission: Permission.HouseholdsEdit })
  @Patch(`${A}/:householdId/address`)
  async updateAddress(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
    @Body() dto: AddressDto,
  ): Promise<HouseholdView> {
    await this.access.requireHousehold(householdId);
    return this.households.updateAddress(householdId, dto, user, readableTypes(user));
  }

  @Auth({ permission: Permission.HouseholdsEdit })
  @Patch(`${A}/:householdId/children/:childId`)
  updateChild(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
    @Param('childId', uuid) childId: string,
    @Body() dto: UpdateChildDto,
  ): Promise<ChildView> {
    return this.children.updateChild(householdId, childId, dto, user);
  }

  @Auth({ permission: Permission.HouseholdsEdit })
  @Post(`${A}/:householdId/contacts`)
  addContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
    @Body() dto: ContactDto,
  ): Promise<ContactView> {
    return this.contacts.addContact(householdId, dto, user);
  }

  @Auth({ permission: Permission.HouseholdsEdit })
  @Patch(`${A}/:householdId/contacts/:contactId`)
  updateContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
    @Param('contactId', uuid) contactId: string,
    @Body() dto: UpdateContactDto,
  ): Promise<ContactView> {
    return this.contacts.updateContact(householdId, contactId, dto, user);
  }

  @Auth({ permission: Permission.HouseholdsEdit })
  @Delete(`${A}/:householdId/contacts/:contactId`)
  @HttpCode(204)
  async deleteContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
    @Param('contactId', uuid) contactId: string,
  ): Promise<void> {
    await this.contacts.deleteContact(householdId, contactId, user);
  }

  /** Lists only the document types the agent's scope may read (403 when none). */
  @Auth({ permission: Permission.HouseholdsRead })
  @Get(`${A}/:householdId/documents`)
  listDocuments(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
  ): Promise<DocumentView[]> {
    return this.documents.listForAgent(householdId, user);
  }

  @Auth({ permission: Permission.HouseholdsRead })
  @Get(`${A}/:householdId/documents/:documentId/content`)
  async documentContent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuid) householdId: string,
    @Param('documentId', uuid) documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.contentForAgent(householdId, documentId, user);
    return privateDownload(res, { content, fileName: document.fileName, mimeType: document.mimeType });
  }

  @Auth({ permission: Permission.QuotientValidate })
  @Get(AgentHouseholdRoutes.quotients)
  listQuotients(@Query() query: QuotientsQueryDto): Promise<PendingQuotientView[]> {
    return this.quotients.listByStatus(query.status);
  }

  @Auth({ permission: Permission.QuotientValidate })
  @Post(`${AgentHouseholdRoutes.quotients}/:quotientId/decision`)
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quotientId', uuid) quotientId: string,
    @Body() dto: DecideQuotientDto,
  ): Promise<QuotientView> {
    return this.quotients.decide(quotientId, dto, user);
  }

  @Auth({ permission: Permission.AccountsClose })
  @Get(AgentHouseholdRoutes.closureRequests)
  listClosureRequests(): Promise<ClosureRequestView[]> {
    return this.privacy.listClosureRequests();
  }

  @Auth({ permission: Permission.AccountsClose })
  @Post(`${AgentHouseholdRoutes.closureRequests}/:requestId/execute`)
  @HttpCode(200)
  executeClosure(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', uuid) requestId: string,
  ): Promise<ClosureRequestView> {
    return this.privacy.executeClosure(requestId, user);
  }
}
