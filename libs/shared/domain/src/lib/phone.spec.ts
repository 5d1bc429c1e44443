import { formatFrenchPhone, isFrenchPhone } from './phone';

describe('French phone numbers', () => {
  it.each([
    '0612345678',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '+33612345678',
    '+33 6 12 34 56 78',
  ])('accepts %s', (phone) => expect(isFrenchPhone(phone)).toBe(true));

  it.each([
    '0012345678',
    '061234567',
    '06123456789',
    '+44 20 7946 0958',
    '(06) 12 34 56 78',
    '06  12 34 56 78',
  ])('refuses %s', (phone) => expect(isFrenchPhone(phone)).toBe(false));

  it.each([
    ['0612345678', '06 12 34 56 78'],
    ['06.12.34.56.78', '06 12 34 56 78'],
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['+33612345678', '+33 6 12 34 56 78'],
    ['+33 6.12.34.56.78', '+33 6 12 34 56 78'],
  ])('shows %s as « %s »', (phone, shown) => expect(formatFrenchPhone(phone)).toBe(shown));

  it('shows what it does not recognise as written, and nothing as nothing', () => {
    expect(formatFrenchPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(formatFrenchPhone(null)).toBe('');
  });
});
