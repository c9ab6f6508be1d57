import { expect, test } from 'vitest';
import { BUILT_IN_PROFILES, type PayerProfile } from '../core/profile';
import { chooseProfile, profileChoices } from './profile-choice';

const mine: PayerProfile = { ...BUILT_IN_PROFILES[3]!, id: 'acme-ppo', name: 'Acme PPO', builtIn: false };

test('order: panel, site, payer on the page, Medicare', () => {
  const base = { panel: null, site: null, pagePayer: undefined, custom: [mine] };
  expect(chooseProfile(base)).toMatchObject({ profile: { id: 'medicare' }, from: 'default' });
  expect(chooseProfile({ ...base, pagePayer: 'Humana Medicare Advantage' })).toMatchObject({
    profile: { id: 'medicare-advantage' },
    from: 'page',
  });
  expect(chooseProfile({ ...base, pagePayer: 'Medicaid', site: 'acme-ppo' })).toMatchObject({
    profile: { id: 'acme-ppo' },
    from: 'site',
  });
  expect(chooseProfile({ ...base, site: 'acme-ppo', panel: 'commercial' })).toMatchObject({
    profile: { id: 'commercial' },
    from: 'panel',
  });
});

test('a payer field naming no payer we know, or an unknown site profile, falls through', () => {
  expect(chooseProfile({ panel: null, site: 'gone', pagePayer: 'Self pay', custom: [] })).toMatchObject({
    from: 'default',
  });
});

test('the switcher lists built-ins then the user’s profiles', () => {
  expect(profileChoices([mine]).map((c) => c.id)).toEqual([
    'medicare',
    'medicare-advantage',
    'medicaid',
    'commercial',
    'acme-ppo',
  ]);
});
