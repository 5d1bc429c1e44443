import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { ApiErrorView } from '@foyer/shared/contracts';
import { describeFields, flattenValidationErrors } from './validation-messages';

/** Global pipe: unknown fields are refused, types are converted, errors name the fields in French. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
