import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { UnitMethod } from '../core/units';
import { type LoadedSettings, loadSettings, updateSettings } from '../settings/store';
import { Calculator } from './Calculator';
import { SitePanel } from './SitePanel';

export function App() {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const reload = useCallback(() => {
    loadSettings().then(setLoaded, () => {});
  }, []);
  useEffect(reload, []);

  const setPreferred = async (method: UnitMethod) => {
    await updateSettings((s) => {
      s.unitMethod = method;
    });
    reload();
  };

  return (
    <main class="popup">
      <header class="top">
        <h1>
          <span class="mark" aria-hidden="true">
            ✓
          </span>
          Charge Guard
        </h1>
        <button type="button" class="link-btn" onClick={() => browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      {loaded && <SitePanel loaded={loaded} onChanged={reload} />}
      {/* The calculator never waits for settings: it opens ready to type, on CMS until they load. */}
      <Calculator
        preferred={loaded?.settings.unitMethod ?? 'cms'}
        methodLocked={loaded?.locked.includes('unitMethod') ?? false}
        onPreferred={setPreferred}
      />
      <footer class="foot">Nothing you type here leaves this browser.</footer>
    </main>
  );
}
