import type { FieldRole } from '../page/types';
import { updateSettings } from '../settings/store';

export interface TaughtChoice {
  role: FieldRole;
  selector: string;
  /** 0-based service line, for line fields. */
  line?: number;
  label?: string;
}

/**
 * Adds a taught field for this host and path pattern. A field taught again for the same role
 * and line, or the same selector, replaces the earlier one (re-teaching fixes a mistake).
 */
export async function saveTaughtField(
  host: string,
  pathPattern: string,
  choice: TaughtChoice,
): Promise<void> {
  await updateSettings((s) => {
    let mapping = s.taught.find((m) => m.host === host && m.pathPattern === pathPattern);
    if (!mapping) {
      mapping = { host, pathPattern, fields: [] };
      s.taught.push(mapping);
    }
    mapping.fields = mapping.fields.filter(
      (f) => f.selector !== choice.selector && !(f.role === choice.role && f.line === choice.line),
    );
    mapping.fields.push({
      role: choice.role,
      selector: choice.selector,
      ...(choice.line !== undefined && { line: choice.line }),
      ...(choice.label && { label: choice.label }),
    });
  });
}
