import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { taughtKey } from '../settings/managed';
import { siteSettingFor } from '../settings/site';
import { injectTeaching } from '../teach/inject';
import { ROLE_CHOICES } from '../teach/roles';
import { Lock } from './Lock';
import type { OptionsState } from './state';

interface Props {
  state: OptionsState;
  save(change: (user: OptionsState['user']) => void): Promise<void>;
}

interface TeachableTab {
  id: number;
  windowId: number;
  host: string;
  title: string;
}

const roleLabel = (role: string) => ROLE_CHOICES.find((c) => c.role === role)?.label ?? role;

/** Open tabs on switched-on sites (their URL is visible to us because we hold host access there). */
async function teachableTabs(state: OptionsState): Promise<TeachableTab[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) => {
    try {
      const url = new URL(tab.url ?? '');
      const site = siteSettingFor(state.merged.sites, url.hostname);
      if (!tab.id || !site?.enabled || !/^https?:$/.test(url.protocol)) return [];
      return [
        { id: tab.id, windowId: tab.windowId ?? 0, host: url.hostname, title: tab.title || url.hostname },
      ];
    } catch {
      return [];
    }
  });
}

export function Taught({ state, save }: Props) {
  const [tabs, setTabs] = useState<TeachableTab[]>([]);
  const [note, setNote] = useState('');
  useEffect(() => {
    teachableTabs(state).then(setTabs, () => setTabs([]));
  }, [state]);

  const teach = async (tab: TeachableTab) => {
    try {
      await browser.tabs.update(tab.id, { active: true });
      await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
      if (!(await injectTeaching(tab.id))) throw new Error('the tab refused the picker');
      setNote('');
    } catch {
      setNote('That tab is not ready: reload it, then try again.');
    }
  };
  const userIndex = (host: string, pathPattern: string) =>
    state.user.taught.findIndex((m) => m.host === host && m.pathPattern === pathPattern);

  return (
    <section id="taught" class="card" aria-labelledby="taught-title">
      <h2 id="taught-title">Taught fields</h2>
      <p class="help">
        When Charge Guard cannot tell what a field holds, point at it once and say. It stores how to find the
        field (never what is typed in it).
      </p>
      <div class="teach-tabs">
        {tabs.length === 0 ? (
          <p class="muted">
            Open a page of a site you check, then start teaching here or from the toolbar popup.
          </p>
        ) : (
          tabs.map((tab) => (
            <div class="teach-tab" key={tab.id}>
              <span class="ellipsis" title={tab.title}>
                <span class="mono">{tab.host}</span> · {tab.title}
              </span>
              <button type="button" class="btn btn-small btn-primary" onClick={() => teach(tab)}>
                Teach fields on this tab
              </button>
            </div>
          ))
        )}
        {note && (
          <p class="error" role="status">
            {note}
          </p>
        )}
      </div>
      {state.merged.taught.length === 0 ? (
        <p class="empty">No taught fields yet.</p>
      ) : (
        state.merged.taught.map((mapping) => {
          const locked = state.locked.includes(taughtKey(mapping));
          const mi = userIndex(mapping.host, mapping.pathPattern);
          const userSelectors = new Set(mi >= 0 ? state.user.taught[mi]!.fields.map((f) => f.selector) : []);
          return (
            <div class="mapping" key={`${mapping.host}${mapping.pathPattern}`} data-mapping={mapping.host}>
              <div class="mapping-head">
                <h3>
                  <span class="mono">{mapping.host}</span>
                  <span class="muted mono">{mapping.pathPattern}</span>
                </h3>
                {locked && <Lock what="these fields" />}
                {mi >= 0 && (
                  <button
                    type="button"
                    class="btn btn-small btn-danger"
                    onClick={() =>
                      save((u) => {
                        u.taught.splice(mi, 1);
                      })
                    }
                  >
                    Forget {locked ? 'my fields' : 'all'}
                  </button>
                )}
              </div>
              <table class="grid">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Line</th>
                    <th scope="col">Found by</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {mapping.fields.map((field) => {
                    const own = userSelectors.has(field.selector);
                    const fi = own
                      ? state.user.taught[mi]!.fields.findIndex((f) => f.selector === field.selector)
                      : -1;
                    return (
                      <tr key={field.selector}>
                        <td>
                          <input
                            class="rename"
                            value={field.label ?? ''}
                            placeholder={`${roleLabel(field.role)}${field.line !== undefined ? `, line ${field.line + 1}` : ''}`}
                            aria-label={`Name for ${roleLabel(field.role)} field`}
                            maxLength={80}
                            disabled={!own}
                            onChange={(e) => {
                              const label = e.currentTarget.value.trim();
                              void save((u) => {
                                const f = u.taught[mi]?.fields[fi];
                                if (!f) return;
                                if (label) f.label = label;
                                else delete f.label;
                              });
                            }}
                          />
                        </td>
                        <td>{roleLabel(field.role)}</td>
                        <td>{field.line !== undefined ? field.line + 1 : '—'}</td>
                        <td>
                          <code class="selector">{field.selector}</code>
                        </td>
                        <td class="actions">
                          {own && (
                            <button
                              type="button"
                              class="icon-btn"
                              aria-label={`Delete ${field.label ?? roleLabel(field.role)}`}
                              title="Delete field"
                              onClick={() =>
                                save((u) => {
                                  u.taught[mi]?.fields.splice(fi, 1);
                                  if (u.taught[mi]?.fields.length === 0) u.taught.splice(mi, 1);
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
            </div>
          );
        })
      )}
    </section>
  );
}
