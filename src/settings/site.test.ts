import { describe, expect, test } from 'vitest';
import { defaultSettings, type Settings } from './schema';
import { pathMatches, siteConfigFor } from './site';

function settings(): Settings {
  return {
    ...defaultSettings(),
    sites: {
      'portal.x.com': { enabled: true, profile: 'medicaid' },
      '*.payer.example': { enabled: true, profile: null },
      'off.example': { enabled: false, profile: null },
    },
    taught: [
      {
        host: 'portal.x.com',
        pathPattern: '/charges/*',
        fields: [{ role: 'units', selector: '#u', label: 'Units' }],
      },
      { host: 'portal.x.com', pathPattern: '/other', fields: [{ role: 'code', selector: '#c' }] },
    ],
    tables: {
      ncci: {
        version: '2026 Q1',
        fileName: 'f.txt',
        loadedAt: '2026-01-01T00:00:00Z',
        rowsRead: 1,
        pairs: [
          {
            column1: '97140',
            column2: '97530',
            modifierIndicator: 1,
            effective: '2020-01-01',
            deleted: null,
          },
        ],
      },
      mue: null,
    },
  };
}

describe('siteConfigFor', () => {
  test('an enabled site carries its profile, its taught fields for the path, and the tables', () => {
    const config = siteConfigFor(settings(), 'https://portal.x.com/charges/123?patient=abc');
    expect(config.enabled).toBe(true);
    expect(config.profileId).toBe('medicaid');
    expect(config.taught).toEqual([
      { host: 'portal.x.com', pathPattern: '/charges/*', fields: [{ role: 'units', selector: '#u' }] },
    ]);
    expect(config.tables.ncci?.version).toBe('2026 Q1');
    expect(config.tables.ncci?.pairs[0]?.source).toContain('2026 Q1');
    expect(config.tables.mue).toBeUndefined();
  });

  test('subdomain wildcards match, exact hostnames win', () => {
    expect(siteConfigFor(settings(), 'https://a.b.payer.example/x').enabled).toBe(true);
    expect(siteConfigFor(settings(), 'https://payer.example.evil.com/').enabled).toBe(false);
    expect(siteConfigFor(settings(), 'https://off.example/').enabled).toBe(false);
  });

  test('unknown sites and unparsable URLs are off with no profile', () => {
    for (const url of ['https://elsewhere.com/', 'about:blank', 'not a url']) {
      const config = siteConfigFor(settings(), url);
      expect(config.enabled).toBe(false);
      expect(config.profileId).toBeNull();
      expect(config.taught).toEqual([]);
    }
  });
});

test('path patterns: * spans segments, everything else is literal', () => {
  expect(pathMatches('/charges/*', '/charges/1/edit')).toBe(true);
  expect(pathMatches('/charges/*', '/charge')).toBe(false);
  expect(pathMatches('/a.b', '/aXb')).toBe(false);
  expect(pathMatches('/*', '/')).toBe(true);
});
