import { AppError } from '../../../errors.js';
import { overLimit, type SmsAnalysis, type SmsLimit } from '../../../../lending/sms-encoding/analyze.js';

/** Refuses (never cuts) a message over the provider's limit, before anything is sent (the rule: overLimit). */
export function assertWithinLimit(analysis: SmsAnalysis, limit: SmsLimit): void {
  const over = overLimit(analysis, limit);
  if (!over) return;
  const unitName = analysis.encoding === 'GSM7' ? 'GSM-7 characters' : 'UCS-2 characters';
  if (over.unit === 'characters')
    throw new AppError(
      'SMS_OVER_LIMIT',
      `SMS is ${over.count} ${unitName}; the provider limit is ${over.limit}`,
      { key: 'SMS_TOO_LONG', params: { units: over.count, max: over.limit } },
      { limit: over.limit, count: over.count, unit: 'characters', encoding: analysis.encoding },
    );
  throw new AppError(
    'SMS_OVER_LIMIT',
    `SMS needs ${over.count} segments (${analysis.encoding}); the provider limit is ${over.limit}`,
    { key: 'SMS_TOO_MANY_PARTS', params: { segments: over.count, max: over.limit } },
    { limit: over.limit, count: over.count, unit: 'segments', encoding: analysis.encoding },
  );
}
