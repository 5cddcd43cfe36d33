// The CAT-timing select's empty choice names what the product actually falls back to: its own
// profile's basis, or — with no profile, whatever the currency — the core's default, by dates
// (lending/parse-input.ts `catBasis`). Naming Mexico for a rouble product without a profile misled.
import { PROFILE_CAT_BASIS, PROFILE_IDS } from './catalog.js';
import { fillParams, type Key, type Translate } from './i18n.js';

type ProfileId = (typeof PROFILE_IDS)[number];

const isProfileId = (p: string): p is ProfileId => (PROFILE_IDS as readonly string[]).includes(p);

export function catBasisDefaultLabel(t: Translate, profile: string): string {
  if (!isProfileId(profile)) return fillParams(t('catBasisNoProfile'), { basis: t('catBasisShort.dates') });
  const basis = t(`catBasisShort.${PROFILE_CAT_BASIS[profile]}` satisfies Key);
  return fillParams(t('catBasisDefault'), { profile: t(`profileShort.${profile}` satisfies Key), basis });
}
