import type { Translate } from '../i18n.js';
import type { SettingsModel } from '../model.js';
import type { FeeDraft, LateFeeDraft } from '../product.js';
import { Field } from './field.js';

// A product's fee lists, apart from the product form: the fees it charges (at disbursement or with each
// installment, withheld or not) and its late fees (issue 13).

const value = (e: { currentTarget: HTMLInputElement | HTMLSelectElement }): string => e.currentTarget.value;

interface FeesProps {
  fees: FeeDraft[];
  model: SettingsModel;
  t: Translate;
  err: (k: string) => string | undefined;
}

export function Fees({ fees, model, t, err }: FeesProps) {
  return (
    <fieldset class="st-fees">
      <legend class="st-field__label">{t('fees')}</legend>
      {err('fees') ? <span class="st-field__error">{err('fees')}</span> : null}
      {fees.map((f, i) => (
        <div class="st-fee" key={i} data-fee={i}>
          <Field label={t('feeName')} error={err(`fees.${i}.name`)}>
            <input class="st-input" name={`fee-${i}-name`} value={f.name} onInput={(e) => model.updateFee(i, { name: value(e) })} />
          </Field>
          <Field label={t('feeValue')} error={err(`fees.${i}.value`)}>
            <span class="st-inline">
              <input
                class="st-input st-input--short"
                name={`fee-${i}-value`}
                inputMode="decimal"
                value={f.value}
                onInput={(e) => model.updateFee(i, { value: value(e) })}
              />
              <select
                class="st-input"
                name={`fee-${i}-kind`}
                value={f.kind}
                onChange={(e) => model.updateFee(i, { kind: value(e) === 'amount' ? 'amount' : 'percent' })}
              >
                <option value="percent">{t('feeKind.percent')}</option>
                <option value="amount">{t('feeKind.amount')}</option>
              </select>
            </span>
          </Field>
          <Field label=" " error={err(`fees.${i}.withheld`)}>
            <span class="st-inline">
              <select
                class="st-input"
                name={`fee-${i}-at`}
                value={f.at}
                onChange={(e) => model.updateFee(i, { at: value(e) === 'installment' ? 'installment' : 'disbursement' })}
              >
                <option value="disbursement">{t('feeAt.disbursement')}</option>
                <option value="installment">{t('feeAt.installment')}</option>
              </select>
              <label class="st-check">
                <input type="checkbox" checked={f.withheld} onChange={(e) => model.updateFee(i, { withheld: e.currentTarget.checked })} />
                {t('withheld')}
              </label>
              <button type="button" class="st-link" onClick={() => model.removeFee(i)}>
                {t('remove')}
              </button>
            </span>
          </Field>
        </div>
      ))}
      <button type="button" class="st-button st-button--light" onClick={() => model.addFee()}>
        {t('addFee')}
      </button>
    </fieldset>
  );
}

interface LateFeesProps {
  fees: LateFeeDraft[];
  /** A loan of the product may go without them (server/loans/operations/late-fee-check.ts). */
  waivable: boolean;
  model: SettingsModel;
  t: Translate;
  err: (k: string) => string | undefined;
}

/** The product's late fees (issue 13): each a fixed amount with its VAT, or a percent of what is overdue. */
export function LateFees({ fees, waivable, model, t, err }: LateFeesProps) {
  return (
    <fieldset class="st-fees" data-testid="late-fees">
      <legend class="st-field__label">{t('lateFees')}</legend>
      <span class="st-field__hint">{t('lateFeesHint')}</span>
      {err('lateFees') ? <span class="st-field__error">{err('lateFees')}</span> : null}
      {fees.map((f, i) => (
        <div class="st-fee" key={i} data-late-fee={i}>
          <Field label={t('lateFeeName')} error={err(`lateFees.${i}.name`)}>
            <input class="st-input" name={`late-${i}-name`} value={f.name} onInput={(e) => model.updateLateFee(i, { name: value(e) })} />
          </Field>
          <Field label={t('lateFeeValue')} error={err(`lateFees.${i}.value`)}>
            <span class="st-inline">
              <input
                class="st-input st-input--short"
                name={`late-${i}-value`}
                inputMode="decimal"
                value={f.value}
                onInput={(e) => model.updateLateFee(i, { value: value(e) })}
              />
              <select
                class="st-input"
                name={`late-${i}-kind`}
                value={f.kind}
                onChange={(e) => model.updateLateFee(i, { kind: value(e) === 'percent' ? 'percent' : 'amount' })}
              >
                <option value="amount">{t('lateFeeKind.amount')}</option>
                <option value="percent">{t('lateFeeKind.percent')}</option>
              </select>
            </span>
          </Field>
          {f.kind === 'amount' ? (
            <Field label={t('lateFeeVat')} error={err(`lateFees.${i}.vatPercent`)}>
              <input
                class="st-input st-input--short"
                name={`late-${i}-vat`}
                inputMode="decimal"
                value={f.vatPercent}
                onInput={(e) => model.updateLateFee(i, { vatPercent: value(e) })}
              />
            </Field>
          ) : (
            <Field label={t('lateFeeBase')}>
              <select
                class="st-input"
                name={`late-${i}-base`}
                value={f.base}
                onChange={(e) => model.updateLateFee(i, { base: value(e) === 'principal+interest' ? 'principal+interest' : 'principal' })}
              >
                <option value="principal">{t('lateFeeBase.principal')}</option>
                <option value="principal+interest">{t('lateFeeBase.principal+interest')}</option>
              </select>
            </Field>
          )}
          <Field label={t('lateFeeGrace')} error={err(`lateFees.${i}.graceDays`)} hint={t('lateFeeGraceHint')}>
            <span class="st-inline">
              <input
                class="st-input st-input--short"
                name={`late-${i}-grace`}
                inputMode="numeric"
                value={f.graceDays}
                onInput={(e) => model.updateLateFee(i, { graceDays: value(e) })}
              />
              <button type="button" class="st-link" onClick={() => model.removeLateFee(i)}>
                {t('remove')}
              </button>
            </span>
          </Field>
        </div>
      ))}
      <button type="button" class="st-button st-button--light" onClick={() => model.addLateFee()}>
        {t('addLateFee')}
      </button>
      {fees.length > 0 ? (
        <label class="st-check">
          <input
            type="checkbox"
            name="lateFeesWaivable"
            checked={waivable}
            onChange={(e) => model.update({ lateFeesWaivable: e.currentTarget.checked })}
          />
          {t('lateFeesWaivable')}
        </label>
      ) : null}
    </fieldset>
  );
}
