import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { UnitMethod } from '../core/units';
import { type LoadedSettings, loadSettings, updateSettings } from '../settings/store';
import { Calculator } from './Calculator';
import { SitePanel } from './SitePanel';

export function App() {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  // The user's choice shows at once; a settings load that started before it cannot undo it.
  const [chosen, setChosen] = useState<UnitMethod | null>(null);
  const latest = useRef(0);
  const reload = useCallback(() => {
    const ticket = ++latest.current;
    loadSettings().then(
      (result) => {
        if (ticket === latest.current) setLoaded(result);
      },
      () => {},
    );
  }, []);
  useEffect(reload, []);

  const setPreferred = async (method: UnitMethod) => {
    setChosen(method);
    latest.current++;
    await updateSettings((s) => {
      s.unitMethod = method;
    });
    reload();
  };
  const locked = loaded?.locked.includes('unitMethod') ?? false;
  const preferred = (locked ? loaded?.settings.unitMethod : (chosen ?? loaded?.settings.unitMethod)) ?? 'cms';

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
      <Calculator preferred={preferred} methodLocked={locked} onPreferred={setPreferred} />
      <footer class="foot">Nothing you type here leaves this browser.</footer>
    </main>
  );
}
