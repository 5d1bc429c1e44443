import { createHash } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as french from '@zxcvbn-ts/language-fr';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { PASSWORD_POLICY } from '@foyer/shared/contracts';
import { isCommonPassword } from './password-policy';

let estimator: ZxcvbnFactory | undefined;

/** zxcvbn-ts with the common and French dictionaries and French feedback, built once. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: french.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...french.dictionary },
  });
  return estimator;
}

export interface PasswordStrength {
  /** 0 (guessed in a few tries) to 4 (very hard to guess). */
  score: number;
  strongEnough: boolean;
  /** French advice: what makes it weak, what would help. */
  feedback: string;
}

/** Estimates a password, penalising the person's own name and e-mail. */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  // The validator and its message ask for the same estimate: the last few are kept (a few ms each).
  // Keyed by a digest: no password stays in the process's memory (or a heap dump) as text.
  const key = createHash('sha256')
    .update(`${password}\u0000${userInputs.join('\u0000')}`)
    .digest('hex');
  const known = recent.get(key);
  if (known) return known;
  const strength = estimate(password, userInputs);
  recent.set(key, strength);
  if (recent.size > 100) recent.delete(recent.keys().next().value as string);
  return strength;
}

const recent = new Map<string, PasswordStrength>();

function estimate(password: string, userInputs: string[]): PasswordStrength {
  const result = zxcvbn().check(password.slice(0, PASSWORD_POLICY.maxLength), userInputs.filter(Boolean));
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return {
    score: result.score,
    strongEnough: result.score >= PASSWORD_POLICY.minScore,
    feedback: advice || 'Ajoutez des mots ou des caractères moins prévisibles.',
  };
}

/** The person's own words a password must not lean on: names and the parts of the e-mail. */
function userInputsOf(object: object): string[] {
  const record = object as Record<string, unknown>;
  const words: string[] = [];
  for (const key of ['email', 'newEmail', 'firstName', 'lastName']) {
    const value = record[key];
    if (typeof value === 'string') words.push(value, ...value.split(/[@.\-_+\s]/));
  }
  return words.filter((w) => w.length >= 3);
}

/** Refuses a password zxcvbn scores below PASSWORD_POLICY.minScore, with its French feedback. */
export function IsStrongPassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isStrongPassword',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: {
        message: (args: ValidationArguments) =>
          `est trop facile à deviner : ${passwordStrength(String(args.value), userInputsOf(args.object)).feedback}`,
        ...options,
      },
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          typeof value !== 'string' ||
          // Too short, too long or on the common list: those rules already say so, one message is
          // enough (and a refused password costs no estimate).
          value.length < PASSWORD_POLICY.minLength ||
          value.length > PASSWORD_POLICY.maxLength ||
          isCommonPassword(value) ||
          passwordStrength(value, args ? userInputsOf(args.object) : []).strongEnough,
      },
    });
}
