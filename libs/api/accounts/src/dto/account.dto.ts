import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import {
  ChangeEmailRequest,
  ChangePasswordRequest,
  ForgotPasswordRequest,
  LoginRequest,
  RegisterRequest,
  ResendVerificationRequest,
  ResetPasswordRequest,
  VerifyEmailRequest,
} from '@foyer/shared/contracts';
import { FrenchPhone, PersonName, Trim } from '@foyer/api/core';
import { IsNotCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords/password-policy';
import { IsStrongPassword } from '../passwords/password-strength';

/**
 * A new password: 12 characters or more, not one of the 10,000 most common, and scored strong
 * enough by zxcvbn-ts (French feedback otherwise).
 */
function NewPassword(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(PASSWORD_MIN_LENGTH)(target, key);
    MaxLength(PASSWORD_MAX_LENGTH)(target, key);
    IsNotCommonPassword()(target, key);
    IsStrongPassword()(target, key);
  };
}

function Email(): PropertyDecorator {
  return (target, key) => {
    Trim()(target, key);
    IsEmail({}, { message: 'doit être une adresse e-mail valide' })(target, key);
    MaxLength(254)(target, key);
  };
}

export class RegisterDto implements RegisterRequest {
  @Email()
  email!: string;

  @NewPassword()
  password!: string;

  @PersonName()
  firstName!: string;

  @PersonName()
  lastName!: string;

  @FrenchPhone()
  phone!: string;
}

export class LoginDto implements LoginRequest {
  @Email()
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class EmailOnlyDto implements ResendVerificationRequest, ForgotPasswordRequest {
  @Email()
  email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @NewPassword()
  password!: string;
}

export class ChangeEmailDto implements ChangeEmailRequest {
  @Email()
  newEmail!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @NewPassword()
  newPassword!: string;
}
