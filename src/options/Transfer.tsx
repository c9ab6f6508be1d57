import { useState } from 'preact/hooks';
import { exportSettings, importSettings } from '../settings/transfer';
import { dateStamp, downloadText } from './download';
import type { OptionsState } from './state';

/** All settings as one JSON file, and back. A file with any problem is refused whole, with each problem named. */
export function Transfer({ state, reload }: { state: OptionsState; reload(): void }) {
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text().catch(() => null);
    if (text === null) {
      setResult({ ok: false, lines: ['The file could not be read.'] });
      return;
    }
    const outcome = await importSettings(text);
    if (outcome.ok) {
      setResult({ ok: true, lines: [`Imported ${file.name}.`] });
      reload();
    } else setResult({ ok: false, lines: outcome.errors });
  };

  return (
    <section id="transfer" class="card" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Import and export</h2>
      <p class="help">
        Move your sites, profiles, taught fields, tables and override log to another browser, or share a
        clinic setup. The file holds settings only, never patient data.
      </p>
      <div class="toolbar">
        <button
          type="button"
          class="btn"
          onClick={() =>
            downloadText(
              `charge-guard-settings-${dateStamp()}.json`,
              exportSettings(state.user),
              'application/json',
            )
          }
        >
          Export settings
        </button>
        <label class="btn file-btn">
          Import settings…
          <input
            type="file"
            accept=".json,application/json"
            class="sr-only"
            onChange={(e) => {
              void onFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {result && (
        <div
          class={result.ok ? 'notice ok' : 'notice error'}
          role={result.ok ? 'status' : 'alert'}
          data-import={result.ok ? 'ok' : 'rejected'}
        >
          {result.ok ? (
            <p>{result.lines[0]}</p>
          ) : (
            <>
              <p>Nothing was imported. Fix these and try again:</p>
              <ul>
                {result.lines.map((line) => (
                  <li key={line}>
                    <code>{line}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
