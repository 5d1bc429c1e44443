import { RequestAttachmentEntity } from './request-attachment.entity';
import { RequestCounterEntity } from './request-counter.entity';
import { RequestHistoryEntity } from './request-history.entity';
import { RequestMessageEntity } from './request-message.entity';
import { RequestNoteEntity } from './request-note.entity';
import { RequestTypeEntity } from './request-type.entity';
import { RequestEntity } from './request.entity';

export const requestsEntities = [
  RequestTypeEntity,
  RequestEntity,
  RequestHistoryEntity,
  RequestMessageEntity,
  RequestNoteEntity,
  RequestAttachmentEntity,
  RequestCounterEntity,
];
export {
  RequestAttachmentEntity,
  RequestCounterEntity,
  RequestEntity,
  RequestHistoryEntity,
  RequestMessageEntity,
  RequestNoteEntity,
  RequestTypeEntity,
};
