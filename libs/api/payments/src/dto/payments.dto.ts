import {
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CounterPaymentMethod, RecordCounterPaymentRequest } from '@foyer/shared/contracts';
import { Trim } from '@foyer/api/core';

const UUID_MESSAGE = { message: 'doit être un identifiant valide' };

export class RecordCounterPaymentDto implements RecordCounterPaymentRequest {
  @IsUUID('4', UUID_MESSAGE)
  invoiceId!: string;

  @IsEnum(CounterPaymentMethod, { message: 'doit être cash, cheque, cesu, holiday_vouchers ou transfer' })
  method!: CounterPaymentMethod;

  @IsInt()
  @Min(1)
  @Max(100_000_00)
  amountCents!: number;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9-/]+$/, {
    message: 'doit contenir des lettres, des chiffres, des tirets ou des barres',
  })
  receiptNumber!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  reference?: string | null;
}

/** What providers send: the sandbox its operation and time (signed in a header), PayFiP the idop. */
export class PaymentNotificationDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operationId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  sentAt?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  idop?: string;
}

export class SandboxDecisionDto {
  @IsIn(['paid', 'refused', 'abandoned'], { message: 'doit être paid, refused ou abandoned' })
  action!: 'paid' | 'refused' | 'abandoned';
}
