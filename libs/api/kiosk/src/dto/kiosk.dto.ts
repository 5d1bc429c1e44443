import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  ActivateKioskTerminalRequest,
  CreateKioskTerminalRequest,
  ApproveKioskSignInRequest,
  KioskCodeRequest,
  PollKioskSignInRequest,
} from '@foyer/shared/contracts';
import { Trim } from '@foyer/api/core';

/** Random secrets are 32 bytes in base64url (43 characters). */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export class CreateKioskTerminalDto implements CreateKioskTerminalRequest {
  @ApiProperty({ example: 'Mairie — hall RER' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name!: string;
}

export class ActivateKioskTerminalDto implements ActivateKioskTerminalRequest {
  @ApiProperty()
  @IsString()
  @Matches(SECRET)
  token!: string;
}

export class PollKioskSignInDto implements PollKioskSignInRequest {
  @ApiProperty()
  @IsString()
  @Matches(SECRET)
  pollSecret!: string;
}

export class KioskCodeDto implements KioskCodeRequest {
  @ApiProperty()
  @IsString()
  @Matches(SECRET)
  code!: string;
}

export class ApproveKioskSignInDto extends KioskCodeDto implements ApproveKioskSignInRequest {
  @ApiProperty({ minimum: 10, maximum: 99 })
  @IsInt()
  @Min(10)
  @Max(99)
  confirmation!: number;
}
