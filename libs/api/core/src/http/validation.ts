import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { ApiErrorView } from '@foyer/shared/contracts';
import { findInputDefect } from './input-guard';
import { describeFields, flattenValidationErrors } from './validation-messages';

/**
 * The global pipe. Before class-validator runs, path parameters get the same text check as bodies
 * and queries (input-guard.ts): a NUL character or a lone surrogate answers 400 naming the field.
 */
class FoyerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Params never went through the middleware; a multipart body is parsed after it (by multer).
    if (metadata.type === 'param' || metadata.type === 'body') {
      const defect = findInputDefect(value, metadata.data ?? 'id');
      if (defect) throw defect;
    }
    return super.transform(value, metadata);
  }
}

/** Global pipe: unknown fields are refused, types are converted, errors name the fields in French. */
export function createValidationPipe(): ValidationPipe {
  return new FoyerValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const body: ApiErrorView = {
        statusCode: 400,
        error: 'Bad Request',
        message: describeFields(fields),
        fields,
      };
      return new BadRequestException(body);
    },
  });
}
