// User trial (390 px): the Loan tab's schedule and payments needed sideways scrolling and the payments'
// right-hand columns were cut off. On a phone each row is now a card — every figure under its column's
// name, in the user's number format — and on the desktop the tables stay. Chromium in es-MX and ru-RU
// on the real platform and the emulator's deal card; what is asserted is what the person sees: each
// figure inside the frame's viewport, not clipped, nothing wider than the screen.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLoanTabRig } from './loan-tab-rig.js';
import { seen, VIEWPORTS } from './loan-tab-viewports.js';

const CASES = [
  {
    browserLocale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    principal: '15,000.50',
    payment: '1,234.56',
    shown: '1,234.56',
    labels: { amount: 'Monto', principal: 'Capital', total: 'Pago' },
    save: 'Guardar',
    saved: 'Guardado',
    addPayment: 'Agregar pago',
  },
  {
    browserLocale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    principal: '15 000,50',
    payment: '1 234,56',
    shown: '1 234,56',
    labels: { amount: 'Сумма', principal: 'Основной долг', total: 'Платёж' },
    save: 'Сохранить',
    saved: 'Сохранено',
    addPayment: 'Добавить платёж',
  },
];

interface CellSeen {
  text: string;
  label: string;
  left: number;
  right: number;
  /** The cell (or its content) is what the browser hits at its centre: on screen and not clipped. */
  hit: boolean;
}

/** Every non-empty figure cell of a table, as laid out in the frame, with its ::before label. */
function cellsOf(frame: Frame, selector: string): Promise<CellSeen[]> {
  return frame.evaluate((sel) => {
    const out: CellSeen[] = [];
    for (const td of Array.from(document.querySelectorAll<HTMLTableCellElement>(`${sel} td.lt-num`))) {
      const text = (td.textContent ?? '').trim();
      if (text === '' || td.querySelector('button, input')) continue;
      td.scrollIntoView({ block: 'center' });
      const r = td.getBoundingClientRect();
      const hitEl = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      out.push({
        text,
        label: getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''),
        left: r.left,
        right: r.right,
        hit: hitEl !== null && td.contains(hitEl),
      });
    }
    return out;
  }, selector);
}

const overflowOf = (frame: Frame) =>
  frame.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    width: window.innerWidth,
    scrollers: Array.from(document.querySelectorAll<HTMLElement>('.lt-schedule, .lt-payments')).map((e) => e.scrollWidth - e.clientWidth),
  }));

for (const c of CASES) {
  describe(`loan tab on a phone, ${c.browserLocale}: schedule and payments as cards`, () => {
    const rigOf = useLoanTabRig({ locale: c.browserLocale });

    async function loanWithPayment(vp: { name: string; width: number; height: number }): Promise<{ page: Page; frame: Frame }> {
      const rig = rigOf();
      const deal = { title: `Cards ${c.lang} ${vp.name}`, opportunity: '10000', currency: c.currency };
      const { page, frame } = await rig.openNewDeal(deal, c.lang, vp);
      await frame.fill('input[name=amount]', c.principal);
      await expect.poll(async () => seen(await frame.locator('[data-testid=total-principal]').textContent())).toBe(c.principal);
      await frame.click(`button:has-text("${c.save}")`);
      await frame.waitForSelector(`.lt-ok:has-text("${c.saved}")`);
      await frame.fill('input[name=paymentAmount]', c.payment);
      await frame.click(`button:has-text("${c.addPayment}")`);
      await expect.poll(() => frame.locator('[data-testid=payments] tbody tr').count()).toBe(1);
      await frame.waitForSelector('[data-testid=servicing][aria-busy=false]');
      return { page, frame };
    }

    it('390 px: every amount of the schedule and the payment is on screen under its name, nothing scrolls sideways', async () => {
      const { page, frame } = await loanWithPayment(VIEWPORTS[1]);
      const payments = await cellsOf(frame, '[data-testid=payments]');
      const schedule = await cellsOf(frame, '[data-testid=schedule]');
      const { width, page: pageOverflow, scrollers } = await overflowOf(frame);
      expect(width).toBeLessThanOrEqual(390);
      expect(pageOverflow).toBeLessThanOrEqual(0);
      expect(scrollers.every((o) => o <= 0)).toBe(true);
      // The payment: its amount in the user's format under "Amount", and each allocated part shown.
      const amount = payments.find((p) => p.label === c.labels.amount);
      expect(amount && seen(amount.text)).toBe(c.shown);
      expect(payments.length).toBeGreaterThanOrEqual(6);
      // The schedule: 12 installments and the totals, every figure labelled.
      expect(schedule.filter((s) => s.label === c.labels.principal).length).toBe(13);
      expect(schedule.filter((s) => s.label === c.labels.total).length).toBe(13);
      for (const cell of [...payments, ...schedule]) {
        expect(cell.label, cell.text).not.toBe('none');
        expect(cell.left, `${cell.label} ${cell.text}`).toBeGreaterThanOrEqual(0);
        expect(cell.right, `${cell.label} ${cell.text}`).toBeLessThanOrEqual(width);
        expect(cell.hit, `${cell.label} ${cell.text}`).toBe(true);
      }
      // Figures in the user's format: es-MX 1,234.56, ru-RU 1 234,56 — never the other way round.
      const figure = c.lang === 'es' ? /^-?\d{1,3}(,\d{3})*\.\d{2}$/ : /^-?\d{1,3}( \d{3})*,\d{2}$/;
      for (const cell of [...payments, ...schedule].filter((x) => x.label !== 'Días' && x.label !== 'Дней'))
        expect(
          seen(cell.text)
            .replace(/[^\d .,-]/g, '')
            .trim(),
          cell.label,
        ).toMatch(figure); // the totals carry $ / ₽
      await frame.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `test-results/phone-cards-${c.lang}-390.png`, fullPage: true });
      await page.close();
    }, 120_000);

    it('desktop: the schedule and the payments stay tables with their header row', async () => {
      const { page, frame } = await loanWithPayment(VIEWPORTS[0]);
      expect(await frame.locator('[data-testid=payments] thead').isVisible()).toBe(true);
      expect(await frame.locator('.lt-schedule thead').first().isVisible()).toBe(true);
      const display = await frame.evaluate(() => getComputedStyle(document.querySelector('[data-testid=payments] tbody tr')!).display);
      expect(display).toBe('table-row');
      const header = seen(await frame.locator('[data-testid=payments] thead').innerText());
      expect(header).toContain(c.labels.amount);
      await page.screenshot({ path: `test-results/phone-cards-${c.lang}-desktop.png`, fullPage: true });
      await page.close();
    }, 120_000);
  });
}
