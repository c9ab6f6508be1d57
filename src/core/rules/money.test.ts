import fc from 'fast-check';
import { expect, test } from 'vitest';
import { money } from './finding';

/** The straightforward formatting money() replaced for small amounts (grouping by regex always). */
function moneyReference(amount: number): string {
  const cents = Math.round(amount * 100);
  const whole = Math.trunc(Math.abs(cents) / 100);
  const frac = Math.abs(cents) % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${grouped}${frac ? `.${String(frac).padStart(2, '0')}` : ''}`;
}

test('money: "$2,410" and "$2,410.01", the same as grouping by regex, huge and odd amounts too', () => {
  expect(money(2410)).toBe('$2,410');
  expect(money(2410.01)).toBe('$2,410.01');
  expect(money(999.5)).toBe('$999.50');
  expect(money(-1234567)).toBe('-$1,234,567');
  fc.assert(
    fc.property(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double()), (amount) => {
      expect(money(amount)).toBe(moneyReference(amount));
    }),
  );
});
