import { Type, type Static } from '@sinclair/typebox';

// The lender's profile of a portal (GET/PUT /api/v1/settings/lender), declared once for the route and the
// settings page: the company name call scripts say for {{company_name}} and SMS templates sign with.

export const COMPANY_NAME_MAX = 120;

export const LenderProfile = Type.Object({ companyName: Type.String({ maxLength: COMPANY_NAME_MAX }) });
export type LenderProfileWire = Static<typeof LenderProfile>;
