/**
 * Prints the README's table of every rule id: what it catches, its severity under each
 * built-in payer profile, and its source. Generated from the rule registry and the profiles,
 * so the README cannot drift from the code: `npx tsx scripts/rules-table.ts`.
 */
import { pathToFileURL } from 'node:url';
import { RULE_IDS } from '../src/core/finding';
import { BUILT_IN_PROFILES } from '../src/core/profile';
import { RULE_REGISTRY } from '../src/core/rules';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function rulesTable(): string {
  const header = ['rule', 'what it catches', ...BUILT_IN_PROFILES.map((p) => p.id), 'source'];
  const rows = RULE_IDS.map((id) => {
    const meta = RULE_REGISTRY.get(id);
    if (!meta) throw new Error(`${id} is not registered`);
    const severities = BUILT_IN_PROFILES.map((p) =>
      meta.runsFor && !meta.runsFor(p) ? 'off' : (p.severity[id] ?? meta.severity),
    );
    return [`\`${id}\``, cell(meta.summary), ...severities, cell(meta.source)];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(rulesTable());
  console.log(
    '\nSeverity is the default for each built-in profile; a finding may be quieter where the rule says so (e.g. a well-formed but unknown code is info). `off`: the profile does not run the rule. Some families (KX, telehealth 95) also depend on profile switches, not only severities: see src/core/profile.ts.',
  );
}
