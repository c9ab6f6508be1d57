/**
 * The frame-time page (design.md, "Budgets": "a page that re-renders a 150×8 input grid every
 * 200 ms"). Its own script replaces the grid's tbody every 200 ms the way template-string
 * apps and some EHR grids do, with one cell's value changing per tick, so a content script that
 * watches mutations sees 1,200 fresh charge inputs five times a second.
 */

export const GRID_ROWS = 150;
export const GRID_COLUMNS = [
  'dos',
  'pos',
  'cpt',
  'modifier',
  'dxPointer',
  'charges',
  'units',
  'minutes',
] as const;
export const GRID_INTERVAL_MS = 200;

const HEADERS = ['DOS', 'POS', 'CPT/HCPCS', 'Modifier', 'Dx pointer', 'Charges', 'Units', 'Minutes'];

/** The page's own script (plain ES2020, runs in the page). */
const GRID_SCRIPT = `
(() => {
  const codes = ['97110', '97140', '97530', '97112', '97116'];
  const body = document.getElementById('grid-body');
  let tick = 0;
  function row(i) {
    const minutes = i === tick % ${GRID_ROWS} ? 38 : 30;
    const units = minutes >= 38 ? 3 : 2;
    const values = ['2026-03-' + String((i % 28) + 1).padStart(2, '0'), '11', codes[i % codes.length], 'GP', 'A', '84.00', String(units), String(minutes)];
    const names = ${JSON.stringify(GRID_COLUMNS)};
    let html = '<tr><td>' + (i + 1) + '</td>';
    for (let c = 0; c < names.length; c++) {
      html += '<td><input name="rows[' + i + '].' + names[c] + '" value="' + values[c] + '" size="8"></td>';
    }
    return html + '</tr>';
  }
  function render() {
    let html = '';
    for (let i = 0; i < ${GRID_ROWS}; i++) html += row(i);
    body.innerHTML = html;
    tick++;
  }
  render();
  setInterval(render, ${GRID_INTERVAL_MS});
})();`;

export function gridPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Charge grid (live)</title>
<style>body{font:13px system-ui,sans-serif;margin:12px}table{border-collapse:collapse}td,th{border:1px solid #dde;padding:1px 3px}input{width:80px;font:inherit}</style></head>
<body>
<form id="grid-form" action="#" onsubmit="return false">
  <label for="payer">Payer</label> <select id="payer" name="payer"><option>Medicare Part B</option></select>
  <label for="dx-A">Diagnosis A</label> <input id="dx-A" name="diagnosisA" value="M17.11">
  <table id="grid"><thead><tr><th>#</th>${HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
  <tbody id="grid-body"></tbody></table>
  <button type="submit">Submit charges</button>
</form>
<script>${GRID_SCRIPT}</script>
</body>
</html>
`;
}
