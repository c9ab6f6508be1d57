import { Overrides } from './Overrides';
import { Profiles } from './Profiles';
import { Sites } from './Sites';
import { useOptionsState } from './state';
import { Tables } from './Tables';
import { Taught } from './Taught';
import { Transfer } from './Transfer';

const SECTIONS = [
  ['sites', 'Sites'],
  ['profiles', 'Payer profiles'],
  ['taught', 'Taught fields'],
  ['tables', 'Edit tables'],
  ['overrides', 'Override log'],
  ['transfer', 'Import / export'],
] as const;

export function App() {
  const { state, save, reload } = useOptionsState();
  return (
    <div class="layout">
      <header class="top">
        <h1>
          <span class="mark" aria-hidden="true">
            ✓
          </span>
          Charge Guard <span class="sub">Settings</span>
        </h1>
        <p>Checks therapy charges in your browser. Nothing leaves this computer.</p>
      </header>
      <nav class="side" aria-label="Settings sections">
        <ul>
          {SECTIONS.map(([id, name]) => (
            <li key={id}>
              <a href={`#${id}`}>{name}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content">
        {state === null ? (
          <p class="muted" aria-busy="true">
            Loading…
          </p>
        ) : (
          <>
            {state.locked.length > 0 && (
              <div class="notice info" role="note">
                <p>Some settings are managed by your organisation and are shown locked.</p>
              </div>
            )}
            {state.newer && (
              <div class="notice error" role="alert">
                <p>
                  These settings were saved by a newer version of Charge Guard. Update the extension before
                  changing them.
                </p>
              </div>
            )}
            {state.repairs.length > 0 && (
              <div class="notice warn" role="status" data-repairs={state.repairs.length}>
                <p>Some saved settings were invalid and are using their defaults until you save:</p>
                <ul>
                  {state.repairs.map((r) => (
                    <li key={r}>
                      <code>{r}</code>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <Sites state={state} save={save} />
            <Profiles state={state} save={save} />
            <Taught state={state} save={save} />
            <Tables state={state} save={save} />
            <Overrides state={state} save={save} />
            <Transfer state={state} reload={reload} />
          </>
        )}
      </main>
    </div>
  );
}
