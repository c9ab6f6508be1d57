import type { BadgeLayout } from '../layout';
import type { OverlayActions } from '../types';
import { FindingItem } from './FindingItem';
import { pure } from './pure';
import { SeverityIcon } from './SeverityIcon';

interface BadgeProps {
  badge: BadgeLayout;
  actions: OverlayActions;
}

/** The marker beside a field: severity colour and a short label; hover or focus shows why and the fix. */
function BadgeView(props: BadgeProps) {
  const { badge, actions } = props;
  const { box, findings } = badge;
  const tipId = `cg-tip-${badge.key}`;
  const tipClass = `cg-tip ${badge.tipAbove ? 'cg-above' : 'cg-below'} ${badge.tipAlignRight ? 'cg-align-right' : 'cg-align-left'}`;
  return (
    <div
      class={`cg-badge-wrap sev-${badge.severity}`}
      style={{ left: `${box.left}px`, top: `${box.top}px` }}
      data-cg-badge={findings.map((f) => f.rule).join(' ')}
      data-cg-key={badge.key}
    >
      <button
        type="button"
        class={`cg-badge${badge.size === 'full' ? '' : ` cg-${badge.size}`}`}
        aria-describedby={tipId}
        aria-label={`${findings.length} Charge Guard finding${findings.length > 1 ? 's' : ''}: ${badge.label}`}
      >
        {badge.size !== 'dot' && <SeverityIcon severity={badge.severity} />}
        {badge.size === 'full' && badge.label}
        {badge.size === 'full' && findings.length > 1 && (
          <span aria-hidden="true">+{findings.length - 1}</span>
        )}
      </button>
      <div class={tipClass} id={tipId} role="tooltip">
        {findings.map((f) => (
          <FindingItem
            key={`${f.rule}|${f.diagnosis ?? ''}`}
            finding={f}
            actions={actions}
            canReveal={false}
          />
        ))}
      </div>
    </div>
  );
}

/** Re-rendered only for a new layout object: keepUnchanged hands back the old one when nothing differs. */
export const Badge = pure<BadgeProps>(BadgeView, (a, b) => a.badge === b.badge && a.actions === b.actions);
