import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PushSubscriptionRequest, PushUnsubscribeRequest } from '@foyer/shared/contracts';

const ENDPOINT_EXAMPLE = 'https://push.example.invalid/send/abc123';

export class PushKeysDto {
  /** An uncompressed P-256 point: 65 bytes, 87 characters of base64url. */
  @ApiProperty({
    example: 'BEtQiIwhfaeGzTs_sqAP_A-ms-NYyaHqAHfEBGyYPDcoDGIzKP5-zh0LazC3dWqm6S2DeETtVrvBde60uWQ1HTc',
  })
  @IsString()
  @Matches(/^B[A-Za-z0-9_-]{86}$/, { message: 'doit être une clé publique P-256 en base64url' })
  p256dh!: string;

  /** 16 random bytes: 22 characters of base64url. */
  @ApiProperty({ example: 'c2VjcmV0LWF1dGgtMTIzNA' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{22}$/, { message: 'doit être un secret de 16 octets en base64url' })
  auth!: string;
}

export class PushSubscriptionDto implements PushSubscriptionRequest {
  @ApiProperty({ example: ENDPOINT_EXAMPLE })
  @IsString()
  @MaxLength(1000)
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  endpoint!: string;

  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PushKeysDto)
  keys!: PushKeysDto;
}

export class PushUnsubscribeDto implements PushUnsubscribeRequest {
  @ApiProperty({ example: ENDPOINT_EXAMPLE })
  @IsString()
  @MaxLength(1000)
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  endpoint!: string;
}
