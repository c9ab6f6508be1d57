import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadUserSettings } from '../settings/store';
import { checkThisSite } from './tab';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const tab = { id: 7, origin: 'https://portal.x.com', host: 'portal.x.com' };

describe('Check this site', () => {
  test('asks for this origin only, switches the site on and injects into the open tab', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    expect(await checkThisSite(tab)).toBe('on');
    expect(request).toHaveBeenCalledWith({ origins: ['https://portal.x.com/*'] });
    expect((await loadUserSettings()).user.sites['portal.x.com']).toEqual({ enabled: true, profile: null });
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: 7, allFrames: true },
      files: ['/content-scripts/portal.js'],
    });
  });

  test('a refused prompt changes nothing', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect(await checkThisSite(tab)).toBe('refused');
    expect((await loadUserSettings()).user.sites).toEqual({});
  });

  test('a tab already running Charge Guard is refreshed, not injected twice', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      active: true,
      counts: { error: 0, warning: 0, info: 0 },
      profileId: 'medicare',
      profileFrom: 'default',
    });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    await checkThisSite(tab);
    expect(inject).not.toHaveBeenCalled();
    expect(send).toHaveBeenLastCalledWith(7, { type: 'cg/refresh' });
  });

  test('pages that are not web pages are never asked about', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    expect(await checkThisSite({ id: 1, origin: null, host: null })).toBe('refused');
    expect(request).not.toHaveBeenCalled();
  });
});
