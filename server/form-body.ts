import qs from 'qs';

// Bitrix24 posts events, activity calls and frame loads as PHP-style bracket forms
// (`auth[access_token]=…`, `document_id[0]=crm`). qs decodes them into nested objects; limits keep a
// hostile body from creating huge structures.
export function parseBracketForm(body: string): Record<string, unknown> {
  return qs.parse(body, { depth: 6, arrayLimit: 100, parameterLimit: 2000, allowPrototypes: false }) as Record<string, unknown>;
}
