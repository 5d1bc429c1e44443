import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { FrenchPhone, OptionalNotNull, PersonName, Trim } from '@foyer/api/core';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  AcceptInvitationRequest,
  AddressRequest,
  ContactRequest,
  InviteGuardianRequest,
} from '@foyer/shared/contracts';

export class AddressDto implements AddressRequest {
  @ApiProperty({ example: '12 rue Jean-Jaurès' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1!: string;

  @ApiPropertyOptional({ example: 'Bâtiment B' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string | null;

  @ApiProperty({ example: '94999' })
  @Trim()
  @IsString()
  @Matches(/^\d{5}$/, { message: 'doit être un code postal à 5 chiffres' })
  postalCode!: string;

  @ApiProperty({ example: 'Foyer-sur-Marne' })
  @Trim()
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
  @PersonName()
  firstName!: string;

  @PersonName()
  lastName!: string;

  @FrenchPhone()
  phone!: string;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relationship!: string;

  @IsBoolean()
  canPickUp!: boolean;
}

export class UpdateContactDto implements Partial<ContactRequest> {
  @Trim()
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @Trim()
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName?: string;

  @OptionalNotNull()
  @FrenchPhone()
  phone?: string;

  @Trim()
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relationship?: string;

  @OptionalNotNull()
  @IsBoolean()
  canPickUp?: boolean;
}
