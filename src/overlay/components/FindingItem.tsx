import type { Finding } from '../../core/finding';
import { fixLabel, sameFinding } from '../summary';
import type { OverlayActions } from '../types';
import { pure } from './pure';
import { SeverityIcon } from './SeverityIcon';

/** One finding: what is wrong, where the rule comes from, and the fix when there is one. */
interface FindingItemProps {
  finding: Finding;
  actions: OverlayActions;
  canReveal: boolean;
}

function FindingItemView(props: FindingItemProps) {
  const { finding, actions, canReveal } = props;
  return (
    <div class={`cg-finding sev-${finding.severity}`} data-rule={finding.rule}>
      <SeverityIcon severity={finding.severity} />
      <p class="cg-msg">{finding.message}</p>
      <p class="cg-meta">
        {finding.source}
        {finding.dataVersion ? ` · data ${finding.dataVersion}` : ''}
      </p>
      {(finding.fix || canReveal) && (
        <div class="cg-actions">
          {finding.fix && (
            <button
              type="button"
              class="cg-btn cg-btn-primary"
              data-cg-fix={finding.rule}
              onClick={() => actions.fix(finding)}
            >
              {fixLabel(finding.fix)}
            </button>
          )}
          {canReveal && (
            <button type="button" class="cg-btn cg-btn-link" onClick={() => actions.reveal(finding)}>
              Show field
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Re-rendered only when the finding reads differently (its buttons act on content, not identity). */
export const FindingItem = pure<FindingItemProps>(
  FindingItemView,
  (a, b) => a.actions === b.actions && a.canReveal === b.canReveal && sameFinding(a.finding, b.finding),
);
