import { useRef } from 'preact/hooks';
import type { Severity } from '../../core/finding';
import type { Corner } from '../placement';
import { countBySeverity, groupByLine, SEVERITIES } from '../summary';
import type { OverlayActions, OverlayModel, ProfileSource } from '../types';
import { FindingItem } from './FindingItem';
import { GuardNotice } from './GuardNotice';

const COUNT_LABEL: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

const PROFILE_FROM: Record<ProfileSource, string> = {
  site: 'set for this site',
  page: 'detected from the payer on this page',
  panel: 'chosen here, for this page',
  default: 'default: no payer found on this page',
};

export interface PanelPlacement {
  corner: Corner;
  /** Set once the user dragged the panel; wins over the corner. */
  at: { left: number; top: number } | null;
}

function placementStyle(p: PanelPlacement): Record<string, string> {
  if (p.at) return { left: `${p.at.left}px`, top: `${p.at.top}px` };
  const [v, h] = p.corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  return { [v]: '12px', [h]: '12px' };
}

/** The findings list with counts, payer switcher and submit guard; movable and collapsible. */
export function Panel(props: {
  model: OverlayModel;
  actions: OverlayActions;
  open: boolean;
  onToggle(): void;
  placement: PanelPlacement;
  onMove(at: { left: number; top: number }): void;
}) {
  const { model, actions, open, placement } = props;
  const counts = countBySeverity(model.findings);
  const panel = useRef<HTMLElement>(null);
  const drag = useRef<{ dx: number; dy: number } | null>(null);

  const onPointerDown = (e: PointerEvent) => {
    if ((e.target as Element).closest('button, select, input') || !panel.current) return;
    const r = panel.current.getBoundingClientRect();
    drag.current = { dx: e.clientX - r.left, dy: e.clientY - r.top };
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag.current) return;
    props.onMove({ left: e.clientX - drag.current.dx, top: e.clientY - drag.current.dy });
  };
  const endDrag = () => {
    drag.current = null;
  };

  const total = model.findings.length;
  return (
    <section
      ref={panel}
      onKeyDown={(e) => {
        // Escape: leave a held submit for review, else fold the panel away.
        if (e.key !== 'Escape') return;
        if (model.guard) actions.review();
        else if (open) props.onToggle();
      }}
      class={`cg-panel${open ? '' : ' cg-collapsed'}`}
      style={placementStyle(placement)}
      aria-label="Charge Guard"
      data-cg-panel={open ? 'open' : 'collapsed'}
    >
      <header
        class="cg-head"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <h1 class="cg-title">
          <span class="cg-logo" aria-hidden="true">
            CG
          </span>
          Charge Guard
        </h1>
        <span class="cg-counts">
          {SEVERITIES.map((s) => (
            <span key={s} class={`cg-count sev-${s}${counts[s] ? '' : ' cg-zero'}`} data-cg-count={s}>
              {counts[s]} <span class={open ? '' : 'cg-sr'}>{COUNT_LABEL[s][counts[s] === 1 ? 0 : 1]}</span>
            </span>
          ))}
        </span>
        <button
          type="button"
          class="cg-toggle"
          aria-expanded={open}
          aria-controls="cg-body"
          aria-label={open ? 'Collapse Charge Guard panel' : 'Expand Charge Guard panel'}
          onClick={props.onToggle}
        >
          {open ? '–' : '+'}
        </button>
      </header>
      {open && (
        <div class="cg-body" id="cg-body">
          <div class="cg-profile">
            <label>
              Payer rules{' '}
              <select
                value={model.profile.id}
                data-cg-profile-select=""
                onChange={(e) => actions.setProfile((e.currentTarget as HTMLSelectElement).value)}
              >
                {model.profile.choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <span>{PROFILE_FROM[model.profile.from]}</span>
          </div>
          {model.guard && <GuardNotice errors={model.guard.errors} actions={actions} />}
          {total === 0 && (
            <p class="cg-empty">
              <span class="cg-ok">No problems found</span> on {model.lineLabels.length} service line
              {model.lineLabels.length === 1 ? '' : 's'}.
            </p>
          )}
          {groupByLine(model.findings).map((g) => {
            const code = g.line === null ? null : model.lineLabels[g.line];
            const title = g.line === null ? 'Whole claim' : `Line ${g.line + 1}${code ? ` · ${code}` : ''}`;
            return (
              <div class="cg-group" key={g.line ?? 'claim'} data-cg-group={g.line ?? 'claim'}>
                <h2 class="cg-group-title">{title}</h2>
                {g.findings.map((f, i) => (
                  <FindingItem
                    key={`${f.rule}|${f.diagnosis ?? ''}|${i}`}
                    finding={f}
                    actions={actions}
                    canReveal={model.anchorFor(f) !== null}
                  />
                ))}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
