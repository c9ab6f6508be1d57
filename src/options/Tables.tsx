import { useRef, useState } from 'preact/hooks';
import { MUE_BUILT_IN_VERSION } from '../core/data/mue';
import { NCCI_BUILT_IN_VERSION } from '../core/data/ncci';
import type { MueTable, NcciTable } from '../settings/schema';
import { type LoadReport, loadMueFile, loadPtpFiles, TableLoadError } from '../tables/load';
import { ptpVersionFromFileName } from '../tables/ptp';
import type { OptionsState } from './state';

interface Props {
  state: OptionsState;
  save(change: (user: OptionsState['user']) => void): Promise<void>;
}

type Kind = 'ncci' | 'mue';

const INFO: Record<
  Kind,
  { title: string; file: string; builtIn: string; accept: string; multiple: boolean }
> = {
  ncci: {
    title: 'NCCI code pairs (practitioner PTP edits)',
    file: 'CMS “Practitioner PTP Edits” download: the tab-delimited .txt parts (f1 to f4, choose them together) or a CSV saved from the .xlsx.',
    builtIn: NCCI_BUILT_IN_VERSION,
    accept: '.txt,.csv,text/plain,text/csv',
    multiple: true,
  },
  mue: {
    title: 'Daily unit maximums (practitioner MUE table)',
    file: 'CMS “Practitioner Services MUE Table” download: the .csv file.',
    builtIn: MUE_BUILT_IN_VERSION,
    accept: '.csv,.txt,text/csv,text/plain',
    multiple: false,
  },
};

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The quarter label CMS files do not carry in a readable form: suggested from the date, the user confirms. */
export function suggestQuarter(now = new Date()): string {
  return `${now.getFullYear()} Q${Math.floor(now.getMonth() / 3) + 1}`;
}

function TableCard({ kind, state, save }: Props & { kind: Kind }) {
  const info = INFO[kind];
  const loaded = kind === 'ncci' ? state.user.tables.ncci : state.user.tables.mue;
  const [files, setFiles] = useState<File[]>([]);
  const [version, setVersion] = useState(suggestQuarter());
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(
    null,
  );
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = `${kind}-file`;

  const pick = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    setFiles(chosen);
    setMessage(null);
    const tag = kind === 'ncci' ? chosen.map((f) => ptpVersionFromFileName(f.name)).find(Boolean) : null;
    if (tag) setVersion(`${suggestQuarter()} (${tag})`);
  };
  const load = async (event: Event) => {
    event.preventDefault();
    if (!files.length || !version.trim()) return;
    abort.current = new AbortController();
    setProgress(0);
    setMessage(null);
    try {
      const label = version.trim().slice(0, 80);
      let report: LoadReport<NcciTable | MueTable>;
      if (kind === 'ncci') {
        report = await loadPtpFiles(files, label, setProgress, abort.current.signal);
        const table = report.table as NcciTable;
        await save((u) => {
          u.tables.ncci = table;
        });
      } else {
        report = await loadMueFile(files[0]!, label, setProgress, abort.current.signal);
        const table = report.table as MueTable;
        await save((u) => {
          u.tables.mue = table;
        });
      }
      const kept =
        kind === 'ncci'
          ? (report.table as NcciTable).pairs.length
          : (report.table as MueTable).entries.length;
      setMessage({
        kind: 'ok',
        text: `Loaded ${label}: ${report.table.rowsRead.toLocaleString()} rows read, ${kept.toLocaleString()} therapy rows kept.`,
        ...(report.rejected.length > 0 && {
          details: [
            `${report.rejected.length} line${report.rejected.length === 1 ? '' : 's'} could not be read and were skipped:`,
            ...report.rejected.slice(0, 5).map((r) => `${r.file}, line ${r.line}`),
          ],
        }),
      });
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      const text =
        error instanceof TableLoadError
          ? error.message
          : (error as Error).name === 'AbortError'
            ? 'Loading cancelled; nothing changed.'
            : 'The file could not be read; nothing changed.';
      setMessage({ kind: 'error', text });
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };
  const rows = loaded ? ('pairs' in loaded ? loaded.pairs.length : loaded.entries.length) : 0;

  return (
    <div class="table-card" data-table={kind}>
      <h3>{info.title}</h3>
      <p class="status" data-status={loaded ? 'loaded' : 'built-in'}>
        {loaded ? (
          <>
            In use: <strong data-version>{loaded.version}</strong> · {rows.toLocaleString()} therapy rows of{' '}
            {loaded.rowsRead.toLocaleString()} · loaded {formatDate(loaded.loadedAt)}
            <span class="muted ellipsis" title={loaded.fileName}>
              {' '}
              · {loaded.fileName}
            </span>
          </>
        ) : (
          <>
            In use: <strong>built-in data</strong> <span class="muted">({info.builtIn})</span>. Load the
            current CMS file for the full, dated table.
          </>
        )}
      </p>
      <form class="load-form" onSubmit={load}>
        <label for={inputId}>File</label>
        <input
          id={inputId}
          ref={fileInput}
          type="file"
          accept={info.accept}
          multiple={info.multiple}
          onChange={(e) => pick(e.currentTarget.files)}
          disabled={progress !== null}
        />
        <p class="help">{info.file}</p>
        <label>
          Quarter / version label
          <input
            value={version}
            maxLength={80}
            required
            onInput={(e) => setVersion(e.currentTarget.value)}
            disabled={progress !== null}
          />
        </label>
        <div class="load-actions">
          {progress === null ? (
            <button type="submit" class="btn btn-primary" disabled={!files.length}>
              Load {files.length > 1 ? `${files.length} files` : 'file'}
            </button>
          ) : (
            <>
              <progress max={1} value={progress} aria-label={`Reading ${info.title}`} />
              <span class="muted">{Math.round(progress * 100)}%</span>
              <button type="button" class="btn btn-small" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            </>
          )}
          {loaded && progress === null && (
            <button
              type="button"
              class="btn btn-small"
              onClick={() =>
                save((u) => {
                  u.tables[kind] = null;
                })
              }
            >
              Use built-in data
            </button>
          )}
        </div>
      </form>
      {message && (
        <div
          class={message.kind === 'ok' ? 'notice ok' : 'notice error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
        >
          <p>{message.text}</p>
          {message.details && (
            <ul>
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

export function Tables(props: Props) {
  return (
    <section id="tables" class="card" aria-labelledby="tables-title">
      <h2 id="tables-title">Edit tables</h2>
      <p class="help">
        CMS publishes these every quarter. Files are read on this computer; only rows for therapy codes are
        kept. Findings that use a table name its version.
      </p>
      <div class="table-cards">
        <TableCard kind="ncci" {...props} />
        <TableCard kind="mue" {...props} />
      </div>
    </section>
  );
}
