import type { Migration } from 'kysely';
import * as m202611220100 from './202611220100-platform.js';
import * as m202611220250 from './202611220250-payouts.js';
import * as m202611220251 from './202611220251-sms-messages.js';
import * as m202611220300 from './202611220300-loans.js';
import * as m202611220330 from './202611220330-activity-calls.js';
import * as m202611220400 from './202611220400-portal-settings.js';
import * as m202611230100 from './202611230100-loan-closure.js';
import * as m202611240100 from './202611240100-payment-imports.js';
import * as m202612030100 from './202612030100-portal-plan-limits.js';
import * as m202612030200 from './202612030200-payout-live-loan.js';
import * as m202612030300 from './202612030300-payment-import-progress.js';
import * as m202612041550 from './202612041550-applicant-checks.js';
import * as m202612041610 from './202612041610-activity-call-report-log.js';
import * as m202612041620 from './202612041620-product-conventions.js';
import * as m202612041637 from './202612041637-document-catalog.js';
import * as m202612041640 from './202612041640-mail-inbox.js';
import * as m202612041645 from './202612041645-deal-lifecycle.js';
import * as m202612041705 from './202612041705-document-values.js';
import * as m202612041710 from './202612041710-reminders.js';
import * as m202612041712 from './202612041712-product-late-fees.js';
import * as m202612041855 from './202612041855-mail-settings.js';
import * as m202612041925 from './202612041925-bank-messages.js';
import * as m202612041955 from './202612041955-lender-pipeline.js';
import * as m202612041958 from './202612041958-mail-reply-apply.js';
import * as m202612042000 from './202612042000-document-packs.js';
import * as m202612042010 from './202612042010-bank-message-reports.js';
import * as m202612042020 from './202612042020-document-scans.js';
import * as m202612042030 from './202612042030-bank-contacts-sealed.js';
import * as m202612042200 from './202612042200-reminder-rules.js';
import * as m202612042210 from './202612042210-product-late-fees-waivable.js';
import * as m202612042250 from './202612042250-product-schedule-rounding.js';
import * as m202612042310 from './202612042310-mail-forwarders.js';
import * as m202612042320 from './202612042320-bank-message-template.js';
import * as m202612050100 from './202612050100-ledger-prepayments.js';
import * as m202612050200 from './202612050200-reminder-reason.js';
import * as m202612050210 from './202612050210-bank-message-unverified-report.js';
import * as m202612060100 from './202612060100-bank-deal-currencies.js';
import * as m202612060200 from './202612060200-template-deal-currencies.js';

// Ordered list of migrations. Names are YYYYMMDDHHMM-what; each file is frozen once landed
// (it takes Kysely<any> and never imports app code).
export const migrations: Record<string, Migration> = {
  '202611220100-platform': m202611220100,
  '202611220250-payouts': m202611220250,
  '202611220251-sms-messages': m202611220251,
  '202611220300-loans': m202611220300,
  '202611220330-activity-calls': m202611220330,
  '202611220400-portal-settings': m202611220400,
  '202611230100-loan-closure': m202611230100,
  '202611240100-payment-imports': m202611240100,
  '202612030100-portal-plan-limits': m202612030100,
  '202612030200-payout-live-loan': m202612030200,
  '202612030300-payment-import-progress': m202612030300,
  '202612041550-applicant-checks': m202612041550,
  '202612041610-activity-call-report-log': m202612041610,
  '202612041620-product-conventions': m202612041620,
  '202612041637-document-catalog': m202612041637,
  '202612041640-mail-inbox': m202612041640,
  '202612041645-deal-lifecycle': m202612041645,
  '202612041705-document-values': m202612041705,
  '202612041710-reminders': m202612041710,
  '202612041712-product-late-fees': m202612041712,
  '202612041855-mail-settings': m202612041855,
  '202612041925-bank-messages': m202612041925,
  '202612041955-lender-pipeline': m202612041955,
  '202612041958-mail-reply-apply': m202612041958,
  '202612042000-document-packs': m202612042000,
  '202612042010-bank-message-reports': m202612042010,
  '202612042020-document-scans': m202612042020,
  '202612042030-bank-contacts-sealed': m202612042030,
  '202612042200-reminder-rules': m202612042200,
  '202612042210-product-late-fees-waivable': m202612042210,
  '202612042250-product-schedule-rounding': m202612042250,
  '202612042310-mail-forwarders': m202612042310,
  '202612042320-bank-message-template': m202612042320,
  '202612050100-ledger-prepayments': m202612050100,
  '202612050200-reminder-reason': m202612050200,
  '202612050210-bank-message-unverified-report': m202612050210,
  '202612060100-bank-deal-currencies': m202612060100,
  '202612060200-template-deal-currencies': m202612060200,
};
