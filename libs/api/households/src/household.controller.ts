import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ChildView,
  ClosureRequestView,
  ContactView,
  DocumentView,
  HouseholdExportView,
  HouseholdRoutes,
  HouseholdView,
  Permission,
  QuotientView,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, NotFromKiosk, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { CreateChildDto, UpdateChildDto } from './dto/child.dto';
import { UploadDocumentDto } from './dto/document.dto';
import {
  AcceptInvitationDto,
  AddressDto,
  ContactDto,
  InviteGuardianDto,
  UpdateContactDto,
} from './dto/household.dto';
import { DeclareQuotientDto } from './dto/quotient.dto';
import { DocumentsService, UploadedDocumentFile } from './documents.service';
import { ChildrenService } from './children.service';
import { ContactsService } from './contacts.service';
import { HouseholdAccess } from './household-access';
import { HouseholdsService } from './households.service';
import { InvitationsService } from './invitations.service';
import { PrivacyService } from './privacy.service';
import { QuotientsService } from './quotients.service';
import { attachmentHeader, DocumentFileInterceptor, privateDownload, UploadErrorFilter } from './upload';

const H = HouseholdRoutes.household;
const uuid = new ParseIdPipe();

/** A resident's own household. Every id in a path is looked up inside the caller's household only. */
@ApiTags('household')
@Controller()
export class HouseholdController {
  constructor(
    private readonly access: HouseholdAccess,
    private readonly households: HouseholdsService,
    private readonly invitations: InvitationsService,
    private readonly contacts: ContactsService,
    private readonly children: ChildrenService,
    private readonly quotients: QuotientsService,
    private readonly documents: DocumentsService,
    private readonly privacy: PrivacyService,
  ) {}

  private own(user: AuthenticatedUser): Promise<string> {
    return this.access.householdIdOf(user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(H)
  async get(@CurrentUser() user: AuthenticatedUser): Promise<HouseholdView> {
    return this.access.getOwnView(user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Patch(`${H}/address`)
  async updateAddress(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: AddressDto,
  ): Promise<HouseholdView> {
    return this.households.updateAddress(await this.own(user), dto, user);
  }

  @NotFromKiosk()
  @Auth({ permission: Permission.HouseholdOwn })
  @Post(`${H}/invitations`)
  async invite(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: InviteGuardianDto,
  ): Promise<HouseholdView> {
    return this.invitations.invite(await this.own(user), dto.email, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(`${H}/invitations/accept`)
  @HttpCode(200)
  accept(@CurrentUser() user: AuthenticatedUser, @Body() dto: AcceptInvitationDto): Promise<HouseholdView> {
    return this.invitations.acceptInvitation(user, dto.token);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(`${H}/contacts`)
  async addContact(@CurrentUser() user: AuthenticatedUser, @Body() dto: ContactDto): Promise<ContactView> {
    return this.contacts.addContact(await this.own(user), dto, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Patch(`${H}/contacts/:contactId`)
  async updateContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId', uuid) contactId: string,
    @Body() dto: UpdateContactDto,
  ): Promise<ContactView> {
    return this.contacts.updateContact(await this.own(user), contactId, dto, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Delete(`${H}/contacts/:contactId`)
  @HttpCode(204)
  async deleteContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId', uuid) contactId: string,
  ): Promise<void> {
    await this.contacts.deleteContact(await this.own(user), contactId, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(HouseholdRoutes.children)
  async createChild(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateChildDto): Promise<ChildView> {
    return this.children.createChild(await this.own(user), dto, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${HouseholdRoutes.children}/:childId`)
  async getChild(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
  ): Promise<ChildView> {
    return this.children.getChild(await this.own(user), childId);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Patch(`${HouseholdRoutes.children}/:childId`)
  async updateChild(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Body() dto: UpdateChildDto,
  ): Promise<ChildView> {
    return this.children.updateChild(await this.own(user), childId, dto, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(`${H}/quotients`)
  async declareQuotient(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: DeclareQuotientDto,
  ): Promise<QuotientView> {
    return this.quotients.declare(await this.own(user), dto, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${H}/quotients`)
  async listQuotients(@CurrentUser() user: AuthenticatedUser): Promise<QuotientView[]> {
    return this.quotients.list(await this.own(user));
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(`${H}/documents`)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(DocumentFileInterceptor)
  @UseFilters(UploadErrorFilter)
  async uploadDocument(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @Body() dto: UploadDocumentDto,
  ): Promise<DocumentView> {
    return this.documents.upload(await this.own(user), file, dto, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${H}/documents`)
  async listDocuments(@CurrentUser() user: AuthenticatedUser): Promise<DocumentView[]> {
    return this.documents.list(await this.own(user));
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${H}/documents/:documentId/content`)
  async documentContent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('documentId', uuid) documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.content(await this.own(user), documentId);
    return privateDownload(res, { content, fileName: document.fileName, mimeType: document.mimeType });
  }

  @NotFromKiosk()
  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${H}/export`)
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HouseholdExportView> {
    const data = await this.privacy.export(await this.own(user));
    res.setHeader(
      'Content-Disposition',
      attachmentHeader(`foyer-export-${data.exportedAt.slice(0, 10)}.json`),
    );
    res.setHeader('Cache-Control', 'private, no-store');
    return data;
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @NotFromKiosk()
  @Post(`${H}/closure-request`)
  async requestClosure(@CurrentUser() user: AuthenticatedUser): Promise<ClosureRequestView> {
    return this.privacy.requestClosure(await this.own(user), user);
  }
}
