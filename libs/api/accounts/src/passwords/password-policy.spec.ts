import { DEMO_ACCOUNTS } from '../seed/seed-accounts';
import { hashPassword, isCommonPassword, verifyDummyPassword, verifyPassword } from './password-policy';

describe('password policy', () => {
  it('knows the most common passwords, whatever their case', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('qwerty123456')).toBe(true);
    expect(isCommonPassword('QWERTY123456')).toBe(true);
    expect(isCommonPassword('Cerf-volant-bleu-42')).toBe(false);
  });

  it('accepts the demo passwords', () => {
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      expect(account.password.length).toBeGreaterThanOrEqual(12);
      expect(isCommonPassword(account.password)).toBe(false);
    }
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Cerf-volant-bleu-42');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Cerf-volant-bleu-42')).toBe(true);
    expect(await verifyPassword(hash, 'cerf-volant-bleu-42')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyDummyPassword('Cerf-volant-bleu-42')).toBe(false);
  });
});
