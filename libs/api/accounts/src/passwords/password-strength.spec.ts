import { passwordStrength } from './password-strength';

describe('password strength (zxcvbn-ts, French and common dictionaries)', () => {
  it.each(['password1234', 'motdepasse123', 'azertyuiop12', 'Bonjour12345', 'marseille2027'])(
    'refuses %s, which passes the length rule',
    (password) => {
      expect(password.length).toBeGreaterThanOrEqual(12);
      const strength = passwordStrength(password);
      expect(strength.strongEnough).toBe(false);
      expect(strength.feedback).toMatch(/[a-zéèà]/);
    },
  );

  it('accepts a passphrase of unrelated words', () => {
    expect(passwordStrength('Cerf-volant-bleu-42').strongEnough).toBe(true);
    expect(passwordStrength('girafe tulipe orage velours').strongEnough).toBe(true);
  });

  it("counts the person's own name against the password", () => {
    // An unusual name is a strong password for a stranger, not for someone who knows the family.
    expect(passwordStrength('zorglubette1984').strongEnough).toBe(true);
    expect(passwordStrength('zorglubette1984', ['Zorglubette']).strongEnough).toBe(false);
  });

  it('explains a weak password in French', () => {
    expect(passwordStrength('password1234').feedback).toMatch(/mot de passe|Ajoutez|Évitez|courant/i);
  });
});
