import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originsFor } from '../background/registration';
import { normalizeSiteKey } from '../settings/repair';
import { SITE_KEY } from '../settings/schema';
import { Lock } from './Lock';
import { profileChoices } from './profiles-list';
import { type OptionsState, siteLockKey } from './state';

interface Props {
  state: OptionsState;
  save(change: (user: OptionsState['user']) => void): Promise<void>;
}

async function permitted(host: string): Promise<boolean> {
  try {
    for (const origin of originsFor(host))
      if (await browser.permissions.contains({ origins: [origin] })) return true;
  } catch {
    // permissions API unavailable: say not granted
  }
  return false;
}

/** Reads a hostname from what people paste: "https://portal.x.com/charges?id=1" → "portal.x.com". */
export function hostFromInput(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let host = trimmed;
  try {
    host = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  // URL() turns "*.x.com" into "%2A.x.com"
  host = normalizeSiteKey(trimmed.startsWith('*.') ? `*.${host.replace(/^%2a\./i, '')}` : host);
  return SITE_KEY.test(host) ? host : null;
}

export function Sites({ state, save }: Props) {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [adding, setAdding] = useState('');
  const [error, setError] = useState('');
  const hosts = Object.keys(state.merged.sites).sort();
  const choices = profileChoices(state.merged);
  const userSitesBlocked = state.locked.includes('sites');

  useEffect(() => {
    let live = true;
    Promise.all(hosts.map(async (h) => [h, await permitted(h)] as const)).then((list) => {
      if (live) setGranted(Object.fromEntries(list));
    });
    return () => {
      live = false;
    };
  }, [hosts.join(' ')]);

  const grant = async (host: string) => {
    // Called straight from the click: the browser shows its own permission prompt.
    const ok = await browser.permissions.request({ origins: originsFor(host) }).catch(() => false);
    setGranted((g) => ({ ...g, [host]: ok || g[host] === true }));
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const host = hostFromInput(adding);
    if (!host) {
      setError('Type a site address, e.g. portal.example-ehr.com');
      return;
    }
    setError('');
    setAdding('');
    await save((u) => {
      u.sites[host] = { enabled: true, profile: u.sites[host]?.profile ?? null };
    });
  };

  return (
    <section id="sites" class="card" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="help">
        Charge Guard reads pages only on the sites listed and switched on here, and only once the browser has
        given it access to the site. Everything is checked in this browser; nothing is sent anywhere.
      </p>
      {hosts.length === 0 ? (
        <p class="empty">
          No sites yet. Open your portal and click “Check this site” in the toolbar popup, or add it below.
        </p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Checking</th>
              <th scope="col">Payer profile</th>
              <th scope="col">Access</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hosts.map((host) => {
              const site = state.merged.sites[host]!;
              const locked = state.locked.includes(siteLockKey(host));
              return (
                <tr key={host} data-site={host}>
                  <th scope="row">
                    <span class="mono">{host}</span> {locked && <Lock what="this site" />}
                  </th>
                  <td>
                    <label class="switch">
                      <input
                        type="checkbox"
                        checked={site.enabled}
                        disabled={locked}
                        aria-label={`Check charges on ${host}`}
                        onChange={(e) => {
                          const enabled = e.currentTarget.checked;
                          void save((u) => {
                            u.sites[host] = { enabled, profile: u.sites[host]?.profile ?? null };
                          });
                        }}
                      />
                      <span aria-hidden="true" />
                    </label>
                  </td>
                  <td>
                    <select
                      aria-label={`Payer profile for ${host}`}
                      value={site.profile ?? ''}
                      disabled={locked}
                      onChange={(e) => {
                        const profile = e.currentTarget.value || null;
                        void save((u) => {
                          u.sites[host] = { enabled: u.sites[host]?.enabled ?? true, profile };
                        });
                      }}
                    >
                      <option value="">Detect from the page</option>
                      {choices.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                          {c.builtIn ? '' : ' (custom)'}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {granted[host] ? (
                      <span class="ok">Granted</span>
                    ) : (
                      <button type="button" class="btn btn-small" onClick={() => grant(host)}>
                        Grant access
                      </button>
                    )}
                  </td>
                  <td class="actions">
                    {!locked && (
                      <button
                        type="button"
                        class="icon-btn"
                        aria-label={`Remove ${host}`}
                        title="Remove site"
                        onClick={() =>
                          save((u) => {
                            delete u.sites[host];
                          })
                        }
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {userSitesBlocked ? (
        <p class="help">
          <Lock what="the site list" /> Your administrator chooses which sites are checked.
        </p>
      ) : (
        <form class="inline-form" onSubmit={add}>
          <label>
            Add a site
            <input
              value={adding}
              placeholder="portal.example-ehr.com"
              spellcheck={false}
              onInput={(e) => setAdding(e.currentTarget.value)}
              aria-describedby={error ? 'site-error' : undefined}
            />
          </label>
          <button type="submit" class="btn">
            Add
          </button>
          {error && (
            <p id="site-error" class="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
