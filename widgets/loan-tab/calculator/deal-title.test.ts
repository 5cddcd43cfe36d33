import { describe, expect, it } from 'vitest';
import { formatters } from '../format.js';
import { dealTitle } from './deal-title.js';

// Intl puts NBSP / narrow NBSP in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('dealTitle', () => {
  it('writes the amount the es-MX way and names the client', () => {
    expect(plain(dealTitle('Préstamo', formatters('es', 'MXN'), '15000.50', 'Ana López'))).toBe('Préstamo $15,000.50 · Ana López');
  });

  it('writes the amount the ru way', () => {
    expect(plain(dealTitle('Заём', formatters('ru', 'RUB'), '15000.50', ' Иван Петров '))).toBe('Заём 15 000,50 ₽ · Иван Петров');
  });

  it('leaves the name out when there is none', () => {
    expect(plain(dealTitle('Loan', formatters('en', 'USD'), '12000', ''))).toBe('Loan $12,000.00');
  });
});
