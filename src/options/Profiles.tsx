import { useState } from 'preact/hooks';
import { RULE_IDS, type RuleId } from '../core/finding';
import { BUILT_IN_PROFILES, type PayerProfile, SEVERITY_SETTINGS } from '../core/profile';
import { RULE_REGISTRY } from '../core/rules';
import type { CustomProfile } from '../settings/schema';
import { Lock } from './Lock';
import { builtIn } from './profiles-list';
import { type OptionsState, profileLockKey } from './state';

interface Props {
  state: OptionsState;
  save(change: (user: OptionsState['user']) => void): Promise<void>;
}

const METHOD_NAME = {
  cms: 'CMS (total timed minutes, 8-minute rule)',
  ama: 'AMA/CPT (each code on its own)',
};

/** A free id for a copy: "medicare-copy", "medicare-copy-2", ... */
export function cloneId(base: string, taken: ReadonlySet<string>): string {
  const stem = `${base}-copy`.slice(0, 34);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

function defaultSeverity(profile: Pick<PayerProfile, 'severity'>, rule: RuleId): string {
  return profile.severity[rule] ?? RULE_REGISTRY.get(rule)?.severity ?? 'warning';
}

export function Profiles({ state, save }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const builtInIds = new Set(BUILT_IN_PROFILES.map((p) => p.id));
  const custom = state.merged.customProfiles.filter((p) => !builtInIds.has(p.id));
  const taken = new Set([...builtInIds, ...custom.map((p) => p.id)]);
  const lockedRules = Object.keys(state.policy.rules);

  const clone = (source: PayerProfile) => {
    const id = cloneId(source.id.replace(/[^a-z0-9-]/g, '') || 'profile', taken);
    const basedOn = ((source as CustomProfile).basedOn ?? source.id) as CustomProfile['basedOn'];
    void save((u) => {
      u.customProfiles.push({
        ...structuredClone(source),
        id,
        name: `${source.name} (copy)`.slice(0, 120),
        builtIn: false,
        basedOn,
      } as CustomProfile);
    }).then(() => setOpen(id));
  };
  const edit = (id: string, change: (p: CustomProfile) => void) =>
    save((u) => {
      const profile = u.customProfiles.find((p) => p.id === id);
      if (profile) change(profile);
    });
  const remove = (id: string) =>
    save((u) => {
      u.customProfiles = u.customProfiles.filter((p) => p.id !== id);
      for (const site of Object.values(u.sites)) if (site.profile === id) site.profile = null;
    });

  return (
    <section id="profiles" class="card" aria-labelledby="profiles-title">
      <h2 id="profiles-title">Payer profiles</h2>
      <p class="help">
        A profile says how a payer counts units and how loud each check is. The built-in ones are read-only;
        copy one to make your own.
      </p>
      {lockedRules.length > 0 && (
        <p class="help">
          <Lock what="these rules" /> Your administrator sets {lockedRules.length} rule
          {lockedRules.length === 1 ? '' : 's'} on every profile: {lockedRules.join(', ')}.
        </p>
      )}
      <ul class="profile-list">
        {BUILT_IN_PROFILES.map((p) => (
          <li key={p.id} class="profile built-in" data-profile={p.id}>
            <div class="profile-head">
              <div>
                <strong>{p.name}</strong> <span class="tag">Built in</span>
                <div class="muted profile-sub">{METHOD_NAME[p.unitMethod]}</div>
              </div>
              <button type="button" class="btn btn-small" onClick={() => clone(p)}>
                Copy to customise
              </button>
            </div>
            {p.rationale && (
              <details>
                <summary>Why these settings</summary>
                <ul class="rationale">
                  {p.rationale.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
        {custom.map((p) => {
          const locked = state.locked.includes(profileLockKey(p.id));
          const base = builtIn(p.basedOn) ?? BUILT_IN_PROFILES[0]!;
          const expanded = open === p.id;
          return (
            <li key={p.id} class="profile" data-profile={p.id}>
              <div class="profile-head">
                <div>
                  <strong>{p.name}</strong>{' '}
                  {locked ? <Lock what="this profile" /> : <span class="tag tag-custom">Custom</span>}
                  <div class="muted profile-sub">
                    From {base.name} · {METHOD_NAME[p.unitMethod]}
                  </div>
                </div>
                <div class="row-actions">
                  <button
                    type="button"
                    class="btn btn-small"
                    aria-expanded={expanded}
                    onClick={() => setOpen(expanded ? null : p.id)}
                  >
                    {expanded ? 'Close' : locked ? 'View' : 'Edit'}
                  </button>
                  <button type="button" class="btn btn-small" onClick={() => clone(p)}>
                    Copy
                  </button>
                  {!locked && (
                    <button type="button" class="btn btn-small btn-danger" onClick={() => remove(p.id)}>
                      Delete
                    </button>
                  )}
                </div>
              </div>
              {expanded && (
                <fieldset class="profile-editor" disabled={locked}>
                  <legend class="sr-only">Settings for {p.name}</legend>
                  <div class="form-grid">
                    <label>
                      Name
                      <input
                        value={p.name}
                        maxLength={120}
                        onChange={(e) => {
                          const name = e.currentTarget.value.trim();
                          if (name) void edit(p.id, (x) => (x.name = name));
                        }}
                      />
                    </label>
                    <label>
                      Units counted by
                      <select
                        value={p.unitMethod}
                        onChange={(e) => {
                          const method = e.currentTarget.value as 'cms' | 'ama';
                          void edit(p.id, (x) => (x.unitMethod = method));
                        }}
                      >
                        <option value="cms">{METHOD_NAME.cms}</option>
                        <option value="ama">{METHOD_NAME.ama}</option>
                      </select>
                    </label>
                  </div>
                  <div class="checks">
                    <label>
                      <input
                        type="checkbox"
                        checked={p.requiredModifiers.discipline}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          void edit(p.id, (x) => (x.requiredModifiers.discipline = on));
                        }}
                      />
                      GP/GO/GN required on therapy lines
                    </label>
                    <label>
                      <input
                        type="checkbox"
                        checked={p.requiredModifiers.telehealth95}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          void edit(p.id, (x) => (x.requiredModifiers.telehealth95 = on));
                        }}
                      />
                      Modifier 95 on telehealth lines
                    </label>
                    <label>
                      <input
                        type="checkbox"
                        checked={p.kxApplies}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          void edit(p.id, (x) => (x.kxApplies = on));
                        }}
                      />
                      Medicare KX and review thresholds apply
                    </label>
                  </div>
                  <table class="grid rules">
                    <caption class="sr-only">Checks for {p.name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Check</th>
                        <th scope="col">Severity</th>
                      </tr>
                    </thead>
                    <tbody>
                      {RULE_IDS.map((rule) => {
                        const ruleLocked = rule in state.policy.rules;
                        const own = (state.user.customProfiles.find((x) => x.id === p.id) ?? p).severity[
                          rule
                        ];
                        return (
                          <tr key={rule}>
                            <th scope="row">
                              <code>{rule}</code>
                              <div class="muted">{RULE_REGISTRY.get(rule)?.summary}</div>
                            </th>
                            <td>
                              <select
                                aria-label={`Severity of ${rule} for ${p.name}`}
                                value={ruleLocked ? p.severity[rule] : (own ?? '')}
                                disabled={ruleLocked}
                                onChange={(e) => {
                                  const value = e.currentTarget.value as
                                    | (typeof SEVERITY_SETTINGS)[number]
                                    | '';
                                  void edit(p.id, (x) => {
                                    if (value) x.severity[rule] = value;
                                    else delete x.severity[rule];
                                  });
                                }}
                              >
                                {!ruleLocked && (
                                  <option value="">Default: {defaultSeverity(base, rule)}</option>
                                )}
                                {SEVERITY_SETTINGS.map((s) => (
                                  <option key={s} value={s}>
                                    {s === 'off' ? 'Off' : s[0]!.toUpperCase() + s.slice(1)}
                                  </option>
                                ))}
                              </select>
                              {ruleLocked && <Lock what="this rule" />}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
