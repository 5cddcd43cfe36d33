import { describe, expect, it } from 'vitest';
import { crashText } from './error-boundary.js';

describe('ErrorBoundary', () => {
  it('shows a localized message, never the raw JS error', () => {
    expect(crashText('es-MX')).toMatch(/^Algo salió mal/);
    expect(crashText('ru')).toMatch(/^Не удалось/);
    expect(crashText(undefined)).toMatch(/^Something went wrong/);
  });
});
