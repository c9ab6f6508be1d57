import { escapeHtml, pick, seededRandom } from './random';

/**
 * The benchmark's charge-entry page: one claim with 50 service lines (a month of PT visits,
 * three timed codes a visit, as a biller keys them from a visit log) inside the kind of EHR
 * chrome real portals carry: navigation, patient banner, schedule, inbox, visit history and
 * an audit log. About 20,000 elements (design.md, "Budgets"). Static: no page script, so an
 * idle page is truly idle and the only script on it is the extension's.
 *
 * The field values are invented; no real person's data.
 */

export const PORTAL_LINE_COUNT = 50;

/** One visit: 97110 30 min (2 units) + 97140 15 min (1) + 97530 15 min (1) = 60 min, 4 units (CMS table). */
const VISIT_LINES = [
  { code: '97110', minutes: 30, units: 2, charge: '84.00' },
  { code: '97140', minutes: 15, units: 1, charge: '38.00' },
  { code: '97530', minutes: 15, units: 1, charge: '46.00' },
] as const;

export interface PortalLine {
  dos: string;
  code: string;
  minutes: number;
  units: number;
  charge: string;
}

/** The 50 lines in page order: visits on Monday, Wednesday, Friday from 2026-03-02. */
export function portalLines(): PortalLine[] {
  const lines: PortalLine[] = [];
  const start = Date.UTC(2026, 2, 2);
  for (let visit = 0; lines.length < PORTAL_LINE_COUNT; visit++) {
    const week = Math.floor(visit / 3);
    const day = [0, 2, 4][visit % 3]!;
    const dos = new Date(start + (week * 7 + day) * 86_400_000).toISOString().slice(0, 10);
    for (const line of VISIT_LINES) {
      if (lines.length === PORTAL_LINE_COUNT) break;
      lines.push({ dos, ...line });
    }
  }
  return lines;
}

const FIRST = ['Avery', 'Jordan', 'Morgan', 'Riley', 'Casey', 'Quinn', 'Harper', 'Rowan', 'Emerson', 'Sage'];
const LAST = ['Lindqvist', 'Okafor', 'Marchetti', 'Haddad', 'Nakamura', 'Oyelaran', 'Brennan', 'Castillo'];
const WORDS =
  'plan of care progress note reassessment goals gait balance strength range motion home exercise program authorization pending approved denied eligibility copay referral fax signed unsigned document'.split(
    ' ',
  );

function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => pick(random, WORDS)).join(' ');
}

function name(random: () => number): string {
  return `${pick(random, FIRST)} ${pick(random, LAST)}`;
}

const ICON = '<svg class="ico" viewBox="0 0 16 16" aria-hidden="true"><path d="M2 2h12v12H2z"/></svg>';

function topBar(): string {
  const tabs = ['Home', 'Schedule', 'Patients', 'Charges', 'Claims', 'Payments', 'Reports', 'Admin'];
  return `<header class="top">
  <a class="logo" href="#">${ICON}<span>Riverbend Therapy EHR</span></a>
  <nav class="tabs">${tabs.map((t) => `<a href="#" class="tab${t === 'Charges' ? ' on' : ''}">${t}</a>`).join('')}</nav>
  <form role="search" class="search" action="#" onsubmit="return false">
    <label for="q">Find patient</label><input id="q" name="q" type="search" placeholder="Name, MRN or DOB">
    <button type="submit">Search</button>
  </form>
  <div class="user"><button type="button" aria-haspopup="menu">Billing office ▾</button></div>
</header>`;
}

function sideNav(random: () => number): string {
  const sections = Array.from({ length: 14 }, (_, s) => {
    const items = Array.from(
      { length: 16 },
      (_, i) =>
        `<li><a href="#s${s}-${i}">${ICON}<span>${escapeHtml(sentence(random, 2))}</span><span class="count">${Math.floor(random() * 40)}</span></a></li>`,
    ).join('');
    return `<section class="navsec"><h3><button type="button" aria-expanded="true">${escapeHtml(sentence(random, 2))}</button></h3><ul>${items}</ul></section>`;
  });
  return `<aside class="side" aria-label="Main menu">${sections.join('')}</aside>`;
}

function patientBanner(): string {
  return `<section class="banner" aria-label="Patient">
  <div><span class="lbl">Patient</span> <strong>Lindqvist, Avery</strong></div>
  <div><span class="lbl">DOB</span> 1951-07-19</div><div><span class="lbl">MRN</span> RB-0048213</div>
  <div><span class="lbl">Primary</span> Medicare Part B</div><div><span class="lbl">Member ID</span> 1EG4-TE5-MK73</div>
  <div><span class="lbl">Referring</span> Dr. Q. Haddad</div><div><span class="lbl">Plan of care</span> 2026-03-02 to 2026-05-31</div>
  <div class="alerts"><span class="pill">Fall risk</span><span class="pill">Latex allergy</span></div>
</section>`;
}

const DX = ['M17.11', 'R26.89', 'Z96.651'];
const LETTERS = 'ABCDEFGHIJKL';

function claimHeader(): string {
  const dx = Array.from(LETTERS, (letter, i) => {
    const value = DX[i] ?? '';
    return `<div class="dx"><label for="dx-${letter}">${letter}.</label><input id="dx-${letter}" name="diagnosis${letter}" value="${value}" size="8" autocomplete="off"></div>`;
  }).join('');
  return `<fieldset class="claimhead">
  <legend>Claim</legend>
  <div class="row">
    <label for="payer">Payer</label>
    <select id="payer" name="payer"><option>Medicare Part B</option><option>Humana Medicare Advantage</option><option>State Medicaid</option><option>Blue Cross PPO</option></select>
    <label for="pos">Place of service</label>
    <select id="pos" name="pos"><option value="11" selected>11 – Office</option><option value="22">22 – On campus outpatient hospital</option><option value="10">10 – Telehealth in patient's home</option><option value="02">02 – Telehealth other than home</option></select>
    <label for="rendering">Rendering provider</label>
    <select id="rendering" name="rendering"><option>Morgan Okafor, PT</option><option>Riley Brennan, PTA</option></select>
  </div>
  <div class="row"><span class="lbl" id="dx-label">Diagnosis (ICD-10-CM), box 21</span><div class="dxgrid" role="group" aria-labelledby="dx-label">${dx}</div></div>
</fieldset>`;
}

function serviceLines(): string {
  const rows = portalLines()
    .map((line, i) => {
      const cell = (field: string, value: string, size: number, extra = '') =>
        `<td><div class="cell"><input id="svc-${i}-${field}" name="lines[${i}].${field}" value="${value}" size="${size}" autocomplete="off"${extra}></div></td>`;
      return `<tr data-row="${i}">
<td class="n">${i + 1}</td>${cell('dosFrom', line.dos, 10)}${cell('dosTo', line.dos, 10)}${cell('pos', '11', 2)}${cell('cpt', line.code, 6)}${cell('mod1', 'GP', 2)}${cell('mod2', '', 2)}${cell('mod3', '', 2)}${cell('mod4', '', 2)}${cell('dxPointer', 'AB', 4)}${cell('charges', line.charge, 7)}${cell('units', String(line.units), 3, ' inputmode="numeric"')}${cell('minutes', String(line.minutes), 3, ' inputmode="numeric"')}
<td class="act"><button type="button" class="icon" title="Copy line">${ICON}</button><button type="button" class="icon" title="Delete line">${ICON}</button></td></tr>`;
    })
    .join('\n');
  return `<table class="lines" id="service-lines">
<caption>Service lines (CMS-1500 box 24)</caption>
<thead><tr><th>#</th><th>DOS from</th><th>DOS to</th><th>POS</th><th>CPT/HCPCS</th><th>Mod 1</th><th>Mod 2</th><th>Mod 3</th><th>Mod 4</th><th>Dx pointer</th><th>Charges</th><th>Units</th><th>Minutes</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function chargeForm(): string {
  return `<form id="charge-entry" class="charges" action="#" method="post" onsubmit="return false">
<h1>Charge entry</h1>
${claimHeader()}
${serviceLines()}
<div class="actions"><button type="button">Add line</button><button type="button">Save draft</button><button type="submit" class="primary">Submit charges</button></div>
</form>`;
}

function visitHistory(random: () => number): string {
  const rows = Array.from(
    { length: 120 },
    (_, i) =>
      `<tr><td>${`2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`}</td><td>${name(random)}</td><td>${pick(random, ['Eval', 'Treatment', 'Re-eval', 'Discharge'])}</td><td>${escapeHtml(sentence(random, 4))}</td><td><span class="pill">${pick(random, ['Billed', 'Paid', 'Denied', 'Pending'])}</span></td><td><a href="#">Open</a></td></tr>`,
  ).join('');
  return `<section class="panel"><h2>Visit history</h2><table class="grid"><thead><tr><th>Date</th><th>Clinician</th><th>Type</th><th>Note</th><th>Status</th><th></th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function schedule(random: () => number): string {
  const days = Array.from({ length: 35 }, (_, d) => {
    const appts = Array.from(
      { length: 1 + Math.floor(random() * 7) },
      () =>
        `<li class="appt"><time>${8 + Math.floor(random() * 9)}:${pick(random, ['00', '15', '30', '45'])}</time><span>${name(random)}</span><span class="type">${pick(random, ['PT', 'OT', 'SLP'])}</span></li>`,
    ).join('');
    return `<div class="day" role="gridcell"><div class="date">${d + 1}</div><ul>${appts}</ul></div>`;
  }).join('');
  return `<section class="panel"><h2>March schedule</h2><div class="cal" role="grid">${days}</div></section>`;
}

function inbox(random: () => number): string {
  const items = Array.from(
    { length: 150 },
    (_, i) =>
      `<li class="msg${i % 4 === 0 ? ' unread' : ''}"><input type="checkbox" aria-label="Select message"><span class="from">${name(random)}</span><span class="subj">${escapeHtml(sentence(random, 5))}</span><time>${(i % 12) + 1}:${String(i % 60).padStart(2, '0')}</time></li>`,
  ).join('');
  return `<section class="panel"><h2>Inbox</h2><ul class="inbox">${items}</ul></section>`;
}

function auditLog(random: () => number, rows: number): string {
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<tr><td>${i}</td><td>2026-03-${String((i % 28) + 1).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}</td><td>${name(random)}</td><td>${pick(random, ['viewed', 'edited', 'signed', 'printed', 'exported'])}</td><td>${escapeHtml(sentence(random, 3))}</td><td><a href="#">${ICON}</a></td></tr>`,
  ).join('');
  return `<section class="panel"><h2>Audit log</h2><table class="grid"><thead><tr><th>#</th><th>When</th><th>User</th><th>Action</th><th>What</th><th></th></tr></thead><tbody>${body}</tbody></table></section>`;
}

function hiddenDialogs(random: () => number): string {
  return Array.from(
    { length: 6 },
    (_, d) =>
      `<div class="dialog" role="dialog" aria-modal="true" hidden id="dlg-${d}"><h2>${escapeHtml(sentence(random, 3))}</h2><form action="#" onsubmit="return false">${Array.from({ length: 12 }, (_, f) => `<label>${escapeHtml(sentence(random, 2))} <input name="dlg${d}-f${f}"></label>`).join('')}<button type="submit">OK</button></form></div>`,
  ).join('');
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:13px/1.35 system-ui,sans-serif;color:#1d2733;background:#f3f5f8}
.top{display:flex;gap:16px;align-items:center;padding:6px 12px;background:#20324a;color:#fff}.top a{color:#fff;text-decoration:none}
.tabs{display:flex;gap:4px}.tab{padding:6px 10px;border-radius:4px}.tab.on{background:#3a5a80}
.layout{display:grid;grid-template-columns:220px 1fr 360px;gap:12px;padding:12px}
.side{max-height:calc(100vh - 60px);overflow:auto}.side ul{list-style:none;margin:0;padding:0}.side a{display:flex;gap:6px;padding:2px 4px;color:#20324a}
.ico{width:12px;height:12px;fill:currentColor}.count{margin-left:auto;color:#777}
.banner{display:flex;flex-wrap:wrap;gap:16px;padding:8px 12px;background:#fff;border:1px solid #d7dde5;margin-bottom:12px}
.lbl{color:#5b6776}.pill{display:inline-block;padding:0 6px;border-radius:8px;background:#eef2f7;margin-right:4px}
.charges{background:#fff;border:1px solid #d7dde5;padding:12px}.claimhead .row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:4px 0}
.dxgrid{display:flex;flex-wrap:wrap;gap:6px}.lines{border-collapse:collapse;width:100%;margin-top:8px}
.lines th,.lines td{border:1px solid #e3e7ee;padding:2px 4px;text-align:left}.lines input{font:inherit;width:100%}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:8px}.primary{background:#1f6feb;color:#fff}
.panel{background:#fff;border:1px solid #d7dde5;padding:8px;margin-bottom:12px}.grid{border-collapse:collapse;width:100%}
.grid td,.grid th{border-bottom:1px solid #eef0f4;padding:2px 4px}.cal{display:grid;grid-template-columns:repeat(7,1fr);gap:2px}
.day{min-height:60px;border:1px solid #eef0f4;font-size:11px}.day ul,.inbox{list-style:none;margin:0;padding:0}
.msg{display:flex;gap:6px;padding:2px 0;border-bottom:1px solid #f0f2f5}.msg.unread .subj{font-weight:600}
footer{padding:12px;color:#5b6776}.dialog{position:fixed;inset:20% 30%;background:#fff}`;

/** Elements in the generated page (document.getElementsByTagName('*').length); a unit test holds it. */
export const PORTAL_TARGET_ELEMENTS = 20_000;

export function portalPage(auditRows = 1_348): string {
  const random = seededRandom(20_260_302);
  const footerLinks = Array.from(
    { length: 40 },
    (_, i) => `<a href="#f${i}">${escapeHtml(sentence(random, 2))}</a>`,
  ).join(' · ');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Charge entry – Riverbend Therapy EHR</title><style>${STYLE}</style></head>
<body>
${topBar()}
<div class="layout">
${sideNav(random)}
<main>
${patientBanner()}
${chargeForm()}
${visitHistory(random)}
${auditLog(random, auditRows)}
</main>
<aside class="rail">
${schedule(random)}
${inbox(random)}
</aside>
</div>
<footer>${footerLinks}</footer>
${hiddenDialogs(random)}
</body>
</html>
`;
}
