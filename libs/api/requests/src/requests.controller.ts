import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Permission,
  RequestAttachmentView,
  RequestRoutes,
  RequestSummaryView,
  RequestTypeView,
  RequestView,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { DocumentFileInterceptor, privateDownload, UploadErrorFilter } from '@foyer/api/households';
import {
  AttachFamilyDocumentDto,
  CreateRequestDto,
  PostRequestMessageDto,
  ResidentListQueryDto,
  UpdateRequestDraftDto,
  WithdrawRequestDto,
} from './dto/request.dto';
import { RequestTypesService } from './request-types.service';
import { RequestsService, UploadedRequestFile } from './requests.service';

const uuid = new ParseIdPipe();

/** The resident's démarches. Every id is looked up inside the caller's household only (else 404). */
@ApiTags('requests')
@Controller()
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly types: RequestTypesService,
  ) {}

  /** The catalogue (active types with their forms): residents, and agents filing on a resident's behalf. */
  @Auth({ permission: Permission.Self })
  @Get(RequestRoutes.types)
  listTypes(): Promise<RequestTypeView[]> {
    return this.types.list(false);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(RequestRoutes.requests)
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateRequestDto): Promise<RequestView> {
    return this.requests.create(user, dto);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(RequestRoutes.requests)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ResidentListQueryDto,
  ): Promise<RequestSummaryView[]> {
    return this.requests.listForResident(user, query.status);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(RequestRoutes.request)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RequestView> {
    return this.requests.getForResident(user, id);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Put(RequestRoutes.request)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateRequestDraftDto,
  ): Promise<RequestView> {
    return this.requests.updateDraft(user, id, dto);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(RequestRoutes.submit)
  @HttpCode(200)
  submit(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RequestView> {
    return this.requests.submit(user, id);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(RequestRoutes.withdraw)
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: WithdrawRequestDto,
  ): Promise<RequestView> {
    return this.requests.withdraw(user, id, dto.comment ?? null);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(RequestRoutes.messages)
  message(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: PostRequestMessageDto,
  ): Promise<RequestView> {
    return this.requests.residentMessage(user, id, dto);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(RequestRoutes.documents)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(DocumentFileInterceptor)
  @UseFilters(UploadErrorFilter)
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @UploadedFile() file: UploadedRequestFile | undefined,
  ): Promise<RequestAttachmentView> {
    return this.requests.upload(user, id, file, false);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(RequestRoutes.familyDocuments)
  linkFamilyDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: AttachFamilyDocumentDto,
  ): Promise<RequestAttachmentView> {
    return this.requests.attachFamilyDocument(user, id, dto.documentId);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(RequestRoutes.document)
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('documentId', uuid) documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return privateDownload(res, await this.requests.attachmentContent(user, id, documentId, false));
  }
}
