import type { RuleId } from '../core/finding';
import { RULE_REGISTRY } from '../core/rules';
import { overridesCsv } from './csv';
import { dateStamp, downloadText } from './download';
import type { OptionsState } from './state';

interface Props {
  state: OptionsState;
  save(change: (user: OptionsState['user']) => void): Promise<void>;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Every "submit anyway": which rule, where, when and why. Newest first. */
export function Overrides({ state, save }: Props) {
  const entries = [...state.user.overrides].reverse();
  return (
    <section id="overrides" class="card" aria-labelledby="overrides-title">
      <h2 id="overrides-title">Override log</h2>
      <p class="help">
        Each time a warning is overridden, Charge Guard notes the check, the site, the time and the reason
        given. It keeps the latest 500. No patient data is recorded.
      </p>
      <div class="toolbar">
        <button
          type="button"
          class="btn btn-small"
          disabled={!entries.length}
          onClick={() =>
            downloadText(
              `charge-guard-overrides-${dateStamp()}.csv`,
              overridesCsv(state.user.overrides),
              'text/csv',
            )
          }
        >
          Export CSV
        </button>
        <button
          type="button"
          class="btn btn-small btn-danger"
          disabled={!entries.length}
          onClick={() => {
            if (confirm('Clear the override log?'))
              void save((u) => {
                u.overrides = [];
              });
          }}
        >
          Clear log
        </button>
      </div>
      {entries.length === 0 ? (
        <p class="empty">No overrides recorded.</p>
      ) : (
        <div class="scroll">
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Site</th>
                <th scope="col">Check</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.time}-${i}`}>
                  <td class="nowrap">{when(e.time)}</td>
                  <td class="mono">{e.site}</td>
                  <td>
                    <code title={RULE_REGISTRY.get(e.rule as RuleId)?.summary}>{e.rule}</code>
                  </td>
                  <td>{e.reason || <span class="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
