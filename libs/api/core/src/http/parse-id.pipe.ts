import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './domain-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path id must be a UUID: otherwise 400 naming the parameter, in French (Nest's ParseUUIDPipe
 * answers in English without saying which). An id that is well-formed but unknown is the service's
 * 404.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new InvalidInputError("L'identifiant dans l'adresse n'est pas valide.", metadata.data ?? 'id');
    }
    return value.toLowerCase();
  }
}
