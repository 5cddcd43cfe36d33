import { describe, expect, it } from 'vitest';
import { DAY_COUNTS as CORE_DAY_COUNTS } from '../../lending/day-count.js';
import { PROFILE_IDS as CORE_PROFILE_IDS } from '../../lending/profiles.js';
import { DAY_COUNTS, PROFILE_IDS } from './catalog.js';

describe('settings catalog', () => {
  it('offers exactly the day counts and regulatory profiles the core knows', () => {
    expect([...DAY_COUNTS]).toEqual([...CORE_DAY_COUNTS]);
    expect([...PROFILE_IDS].sort()).toEqual([...CORE_PROFILE_IDS].sort());
  });
});
