import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { OptionalNotNull } from '@foyer/api/core';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  AcceptInvitationRequest,
  AddressRequest,
  ContactRequest,
  InviteGuardianRequest,
} from '@foyer/shared/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** French phone numbers, written as people write them: 06 12 34 56 78, +33 6 12 34 56 78, 01.23.45.67.89. */
export const PHONE_PATTERN = /^(\+33 ?|0)[1-9]([ .-]?\d{2}){4}$/;
export const PHONE_MESSAGE = 'doit être un numéro de téléphone français valide (ex. 06 12 34 56 78)';

export class AddressDto implements AddressRequest {
  @ApiProperty({ example: '12 rue Jean-Jaurès' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1!: string;

  @ApiPropertyOptional({ example: 'Bâtiment B' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string | null;

  @ApiProperty({ example: '94140' })
  @Transform(trim)
  @IsString()
  @Matches(/^\d{5}$/, { message: 'doit être un code postal à 5 chiffres' })
  postalCode!: string;

  @ApiProperty({ example: 'Alfortville' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city!: string;
}

export class InviteGuardianDto implements InviteGuardianRequest {
  @ApiProperty({ example: 'deuxieme.parent@example.fr' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class ContactDto implements ContactRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @Transform(trim)
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relationship!: string;

  @IsBoolean()
  canPickUp!: boolean;
}

export class UpdateContactDto implements Partial<ContactRequest> {
  @Transform(trim)
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @Transform(trim)
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName?: string;

  @Transform(trim)
  @OptionalNotNull()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @Transform(trim)
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relationship?: string;

  @OptionalNotNull()
  @IsBoolean()
  canPickUp?: boolean;
}
