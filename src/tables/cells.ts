/**
 * One line of a CMS download into cells. The practitioner PTP `.txt` files are tab-delimited;
 * the MUE table and any sheet a user saved from CMS's `.xlsx` are comma-separated with
 * quotes ("Misuse of column two code, with column one code").
 */
export function splitCells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map(clean);
  if (!line.includes('"')) return line.split(',').map(clean);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(clean(cell));
      cell = '';
    } else cell += ch;
  }
  cells.push(clean(cell));
  return cells;
}

function clean(cell: string): string {
  return cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

/** CMS writes dates as YYYYMMDD; stored as ISO. Null for anything else. */
export function isoFromCmsDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${mo}-${d}`;
}

/** CPT (five digits, or four and F/T/U) or HCPCS level II (a letter and four digits). */
export function isProcedureCode(value: string): boolean {
  return /^(\d{4}[\dFTU]|[A-Z]\d{4})$/.test(value);
}
