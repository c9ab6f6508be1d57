import { useEffect, useState } from 'preact/hooks';
import { BUILT_IN_PROFILES } from '../core/profile';
import { siteSettingFor } from '../settings/site';
import type { LoadedSettings } from '../settings/store';
import type { FrameStatus } from '../shared/messages';
import { type ActiveTab, activeTab, checkThisSite, setSiteEnabled, startTeaching, tabStatus } from './tab';

const PROFILE_FROM: Record<FrameStatus['profileFrom'], string> = {
  site: 'site setting',
  page: 'payer on the page',
  panel: 'chosen in the panel',
  default: 'default',
};

function profileName(id: string, loaded: LoadedSettings): string {
  return (
    loaded.settings.customProfiles.find((p) => p.id === id)?.name ??
    BUILT_IN_PROFILES.find((p) => p.id === id)?.name ??
    id
  );
}

/** The current tab: is Charge Guard checking it, what did it find, and the switch to turn it on. */
export function SitePanel({ loaded, onChanged }: { loaded: LoadedSettings; onChanged(): void }) {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [status, setStatus] = useState<FrameStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  useEffect(() => {
    activeTab()
      .then(async (t) => {
        setTab(t);
        if (t) setStatus(await tabStatus(t.id));
      })
      .catch(() => setTab(null));
  }, []);

  if (tab === undefined) return <section class="site" aria-busy="true" />;
  if (!tab?.host) {
    return (
      <section class="site muted-box">
        <p>Charge Guard checks charge-entry pages on websites. Open your EHR or payer portal to check it.</p>
      </section>
    );
  }

  const host = tab.host;
  const site = siteSettingFor(loaded.settings.sites, host);
  const locked = loaded.locked.includes(`sites[${JSON.stringify(host)}]`);
  const userSitesBlocked = loaded.locked.includes('sites');
  const counts = status?.counts;

  const turnOn = async () => {
    setBusy(true);
    // checkThisSite asks for the permission before anything else awaits (user gesture).
    const result = await checkThisSite(tab).catch(() => 'refused' as const);
    setBusy(false);
    if (result === 'refused') setNote('Permission was not granted, so this site is not checked.');
    else {
      setNote('');
      onChanged();
      setTimeout(async () => setStatus(await tabStatus(tab.id)), 400);
    }
  };
  const turnOff = async () => {
    await setSiteEnabled(host, false);
    onChanged();
    setStatus(null);
  };
  const teach = async () => {
    if (await startTeaching(tab.id)) window.close();
    else setNote('Reload the page, then try again.');
  };

  return (
    <section class="site" aria-labelledby="site-title">
      <div class="site-head">
        <h2 id="site-title" class="host" title={host}>
          {host}
        </h2>
        {site?.enabled ? (
          <span class="pill pill-on">{locked ? 'On · set by administrator' : 'Checking'}</span>
        ) : (
          <span class="pill">Off</span>
        )}
      </div>

      {status?.active && counts ? (
        <>
          <p class="counts" data-status="active">
            <span class="count sev-error" data-count="error">
              {counts.error} error{counts.error === 1 ? '' : 's'}
            </span>
            <span class="count sev-warning" data-count="warning">
              {counts.warning} warning{counts.warning === 1 ? '' : 's'}
            </span>
            <span class="count sev-info" data-count="info">
              {counts.info} note{counts.info === 1 ? '' : 's'}
            </span>
          </p>
          <p class="profile">
            Payer profile: <strong>{profileName(status.profileId, loaded)}</strong>{' '}
            <span class="muted">({PROFILE_FROM[status.profileFrom]})</span>
          </p>
        </>
      ) : status ? (
        <p class="muted" data-status="no-fields">
          No charge fields found on this page.
        </p>
      ) : null}

      <div class="site-actions">
        {!site?.enabled && !userSitesBlocked && (
          <button type="button" class="btn btn-primary" disabled={busy} onClick={turnOn}>
            Check this site
          </button>
        )}
        {!site?.enabled && userSitesBlocked && (
          <p class="muted">Your administrator chooses which sites are checked.</p>
        )}
        {site?.enabled && status && (
          <button type="button" class="btn" onClick={teach}>
            Teach a field…
          </button>
        )}
        {site?.enabled && !locked && (
          <button type="button" class="link-btn" onClick={turnOff}>
            Stop checking this site
          </button>
        )}
      </div>
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
