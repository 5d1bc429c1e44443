import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  ActivateKioskTerminalRequest,
  CreateKioskTerminalRequest,
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
