import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { UnitMethod, UnitsResult } from '../core/units';
import { type CalcRow, CODE_SUGGESTIONS, codeName, compare, copyText, METHOD_LABEL } from './calc';

let nextId = 1;
const emptyRow = (): CalcRow => ({ id: nextId++, code: '', minutes: '' });

interface Props {
  preferred: UnitMethod;
  methodLocked: boolean;
  onPreferred(method: UnitMethod): void;
}

/**
 * Minutes to units, both methods side by side. Keyboard first: Enter in a code moves to its
 * minutes, Enter in minutes adds a row (or moves to the next one). Rows live only here.
 */
export function Calculator({ preferred, methodLocked, onPreferred }: Props) {
  const [rows, setRows] = useState<CalcRow[]>(() => [emptyRow()]);
  const [copied, setCopied] = useState<UnitMethod | null>(null);
  const form = useRef<HTMLDivElement>(null);
  const { cms, ama, filled } = useMemo(() => compare(rows), [rows]);
  // The popup opens to type a code: start there, as a search box would.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('[data-field="code"]')?.focus();
  }, []);

  // Focus moves in the same turn as the keystroke (or right after the new row renders), so fast
  // typing never lands in the wrong field.
  const pendingFocus = useRef<string | null>(null);
  const focus = (rowId: number, field: 'code' | 'minutes') => {
    const selector = `[data-row="${rowId}"][data-field="${field}"]`;
    const input = form.current?.querySelector<HTMLInputElement>(selector);
    if (input) input.focus();
    else pendingFocus.current = selector;
  };
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    form.current?.querySelector<HTMLInputElement>(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });
  const update = (rowId: number, change: Partial<CalcRow>) =>
    setRows((list) => list.map((row) => (row.id === rowId ? { ...row, ...change } : row)));
  const addRow = () => {
    const row = emptyRow();
    setRows((list) => [...list, row]);
    focus(row.id, 'code');
  };
  const removeRow = (rowId: number) => {
    const index = rows.findIndex((r) => r.id === rowId);
    const rest = rows.filter((r) => r.id !== rowId);
    const next = rest.length ? rest : [emptyRow()];
    setRows(next);
    const target = next[Math.min(index, next.length - 1)];
    if (target) focus(target.id, 'code');
  };
  const onKey = (event: KeyboardEvent, row: CalcRow, field: 'code' | 'minutes') => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (field === 'code') return focus(row.id, 'minutes');
    const after = rows[rows.findIndex((r) => r.id === row.id) + 1];
    if (after) focus(after.id, 'code');
    else addRow();
  };
  const copy = async (result: UnitsResult) => {
    try {
      await navigator.clipboard.writeText(copyText(result));
      setCopied(result.method);
      setTimeout(() => setCopied(null), 1500);
    } catch {
      setCopied(null);
    }
  };

  const units = (result: UnitsResult, code: string) => result.lines.find((l) => l.code === code)?.units;
  const timedCodes = cms.lines.filter((l) => l.timed);
  const untimed = cms.lines.filter((l) => !l.timed);

  return (
    <section class="calc" aria-labelledby="calc-title">
      <div class="section-head">
        <h2 id="calc-title">Minutes to units</h2>
        <fieldset class="segmented" disabled={methodLocked}>
          <legend class="method-legend">Payer counts by</legend>
          {(['cms', 'ama'] as const).map((method) => (
            <label key={method} title={methodLocked ? 'Set by your administrator' : undefined}>
              <input
                type="radio"
                name="method"
                value={method}
                checked={preferred === method}
                onChange={() => onPreferred(method)}
              />
              <span>{METHOD_LABEL[method]}</span>
            </label>
          ))}
        </fieldset>
      </div>

      <div class="rows" ref={form}>
        <datalist id="therapy-codes">
          {CODE_SUGGESTIONS.map((c) => (
            <option key={c.code} value={c.code} label={`${c.name}${c.timed ? '' : ' (untimed)'}`} />
          ))}
        </datalist>
        {rows.map((row, i) => {
          const name = row.code.trim() ? codeName(row.code) : null;
          return (
            <div class="row" key={row.id}>
              <label class="field code">
                <span class="sr-only">Code, row {i + 1}</span>
                <input
                  data-row={row.id}
                  data-field="code"
                  value={row.code}
                  list="therapy-codes"
                  placeholder="Code"
                  autoComplete="off"
                  spellcheck={false}
                  maxLength={7}
                  onInput={(e) => update(row.id, { code: e.currentTarget.value })}
                  onKeyDown={(e) => onKey(e, row, 'code')}
                />
              </label>
              <label class="field minutes">
                <span class="sr-only">Minutes, row {i + 1}</span>
                <input
                  data-row={row.id}
                  data-field="minutes"
                  value={row.minutes}
                  inputMode="numeric"
                  placeholder="Min"
                  autoComplete="off"
                  maxLength={4}
                  onInput={(e) => update(row.id, { minutes: e.currentTarget.value })}
                  onKeyDown={(e) => onKey(e, row, 'minutes')}
                />
              </label>
              <span class={`code-name${name || !row.code.trim() ? '' : ' unknown'}`}>
                {row.code.trim() ? (name ?? 'Not in the therapy table') : ''}
              </span>
              <button
                type="button"
                class="icon-btn"
                aria-label={`Remove row ${i + 1}`}
                title="Remove row"
                onClick={() => removeRow(row.id)}
              >
                ×
              </button>
            </div>
          );
        })}
        <button type="button" class="link-btn" onClick={addRow}>
          + Add code <kbd>Enter</kbd>
        </button>
      </div>

      {filled > 0 && (
        <div class="results" aria-live="polite">
          <table class="units-table">
            <caption class="sr-only">Units by method</caption>
            <thead>
              <tr>
                <th scope="col">Timed code</th>
                <th scope="col" class="num">
                  Min
                </th>
                {(['cms', 'ama'] as const).map((m) => (
                  <th scope="col" class={`num method${preferred === m ? ' preferred' : ''}`} key={m}>
                    {METHOD_LABEL[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {timedCodes.map((line) => (
                <tr key={line.code}>
                  <th scope="row">{line.code}</th>
                  <td class="num">{line.minutes}</td>
                  <td
                    class={`num units${preferred === 'cms' ? ' preferred' : ''}`}
                    data-method="cms"
                    data-code={line.code}
                  >
                    {units(cms, line.code)}
                  </td>
                  <td
                    class={`num units${preferred === 'ama' ? ' preferred' : ''}`}
                    data-method="ama"
                    data-code={line.code}
                  >
                    {units(ama, line.code)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Timed total</th>
                <td class="num" data-total="minutes">
                  {cms.totalTimedMinutes}
                </td>
                <td class={`num${preferred === 'cms' ? ' preferred' : ''}`} data-total="cms">
                  {cms.totalUnits}
                </td>
                <td class={`num${preferred === 'ama' ? ' preferred' : ''}`} data-total="ama">
                  {ama.totalUnits}
                </td>
              </tr>
            </tfoot>
          </table>

          {untimed.length > 0 && (
            <p class="untimed">
              <strong>Untimed</strong> (own units, minutes not counted):{' '}
              {untimed.map((l) => `${l.code} ×${l.units}`).join(', ')}
            </p>
          )}

          <div class="copy-row">
            {(['cms', 'ama'] as const).map((m) => {
              const result = m === 'cms' ? cms : ama;
              return (
                <button
                  type="button"
                  key={m}
                  class={`btn${preferred === m ? ' btn-primary' : ''}`}
                  onClick={() => copy(result)}
                  title={copyText(result)}
                >
                  {copied === m ? 'Copied' : `Copy ${METHOD_LABEL[m]}`}
                </button>
              );
            })}
          </div>
          <output class="copy-preview" data-copy={preferred}>
            {copyText(preferred === 'cms' ? cms : ama)}
          </output>

          <details class="working">
            <summary>Why these units</summary>
            {[cms, ama].map((result) => (
              <div key={result.method} class="working-method">
                <h3>{METHOD_LABEL[result.method]}</h3>
                <ul>
                  {result.lines.map((line) => (
                    <li key={line.code}>
                      <strong>{line.code}</strong>: {line.why}
                    </li>
                  ))}
                  {result.notes.map((note) => (
                    <li key={note} class={note.includes('same leftover minutes') ? 'tie' : undefined}>
                      {note}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        </div>
      )}
    </section>
  );
}
