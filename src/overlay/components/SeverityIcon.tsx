import type { Severity } from '../../core/finding';

const GLYPH: Record<Severity, string> = { error: '!', warning: '!', info: 'i' };
const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function SeverityIcon(props: { severity: Severity }) {
  return (
    <span class={`cg-icon sev-${props.severity}`} role="img" aria-label={LABEL[props.severity]}>
      {GLYPH[props.severity]}
    </span>
  );
}
