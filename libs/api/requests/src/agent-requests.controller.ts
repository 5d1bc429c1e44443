import {
  Body,
  Controller,
  Delete,
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
  AgentRequestView,
  Permission,
  RequestAssigneeView,
  RequestAttachmentView,
  RequestDashboardView,
  RequestQueuePageView,
  RequestRoutes,
  RequestTypeView,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { DocumentFileInterceptor, privateDownload, UploadErrorFilter } from '@foyer/api/households';
import {
  AddRequestNoteDto,
  AssignRequestDto,
  FileRequestOnBehalfDto,
  PostRequestMessageDto,
  RequestQueueQueryDto,
  RequestTransitionDto,
} from './dto/request.dto';
import { SaveRequestTypeDto } from './dto/request-type.dto';
import { RequestQueueService } from './request-queue.service';
import { RequestTypesService } from './request-types.service';
import { RequestsService, UploadedRequestFile } from './requests.service';

const uuid = new ParseIdPipe();

/** The back office of the démarches: agents whose scope processes the request's type (else 404). */
@ApiTags('agent requests')
@Controller()
export class AgentRequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly queue: RequestQueueService,
  ) {}

  @Auth({ permission: Permission.RequestsProcess })
  @Get(RequestRoutes.adminRequests)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RequestQueueQueryDto,
  ): Promise<RequestQueuePageView> {
    return this.queue.queue(user, query);
  }

  // Declared before :id so that « dashboard » is not read as an id.
  @Auth({ permission: Permission.RequestsProcess })
  @Get(RequestRoutes.adminDashboard)
  dashboard(@CurrentUser() user: AuthenticatedUser): Promise<RequestDashboardView> {
    return this.queue.dashboard(user);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Post(RequestRoutes.adminRequests)
  fileOnBehalf(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: FileRequestOnBehalfDto,
  ): Promise<AgentRequestView> {
    return this.requests.fileOnBehalf(user, dto);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Get(RequestRoutes.adminRequest)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<AgentRequestView> {
    return this.requests.getForAgent(user, id);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Post(RequestRoutes.adminTransitions)
  @HttpCode(200)
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: RequestTransitionDto,
  ): Promise<AgentRequestView> {
    return this.requests.transition(user, id, dto);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Post(RequestRoutes.adminMessages)
  message(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: PostRequestMessageDto,
  ): Promise<AgentRequestView> {
    return this.requests.agentMessage(user, id, dto);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Post(RequestRoutes.adminAssign)
  @HttpCode(200)
  assign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: AssignRequestDto,
  ): Promise<AgentRequestView> {
    return this.requests.assign(user, id, dto);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Get(RequestRoutes.adminAssignees)
  assignees(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
  ): Promise<RequestAssigneeView[]> {
    return this.requests.assignees(user, id);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Post(RequestRoutes.adminNotes)
  note(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: AddRequestNoteDto,
  ): Promise<AgentRequestView> {
    return this.requests.addNote(user, id, dto);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Post(RequestRoutes.adminDocuments)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(DocumentFileInterceptor)
  @UseFilters(UploadErrorFilter)
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @UploadedFile() file: UploadedRequestFile | undefined,
  ): Promise<RequestAttachmentView> {
    return this.requests.upload(user, id, file, true);
  }

  @Auth({ permission: Permission.RequestsProcess })
  @Get(RequestRoutes.adminDocument)
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('documentId', uuid) documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return privateDownload(res, await this.requests.attachmentContent(user, id, documentId, true));
  }
}

/** Request types (the catalogue and its forms): administrators. */
@ApiTags('admin request types')
@Controller()
export class RequestTypesAdminController {
  constructor(private readonly types: RequestTypesService) {}

  @Auth({ permission: Permission.CityManage })
  @Get(RequestRoutes.adminTypes)
  list(): Promise<RequestTypeView[]> {
    return this.types.list(true);
  }

  @Auth({ permission: Permission.CityManage })
  @Post(RequestRoutes.adminTypes)
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: SaveRequestTypeDto): Promise<RequestTypeView> {
    return this.types.create(dto, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Get(RequestRoutes.adminType)
  get(@Param('id', uuid) id: string): Promise<RequestTypeView> {
    return this.types.get(id);
  }

  @Auth({ permission: Permission.CityManage })
  @Put(RequestRoutes.adminType)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: SaveRequestTypeDto,
  ): Promise<RequestTypeView> {
    return this.types.update(id, dto, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Delete(RequestRoutes.adminType)
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    await this.types.remove(id, user);
  }
}
