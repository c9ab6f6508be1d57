import { cleanText } from './words';

/**
 * Column headers for a field in a grid: an HTML table (thead, or rows of th, or a first row
 * with no controls), an ARIA grid (role=columnheader), or a grid of plain divs whose header
 * row is a separate element before the data rows. Each grid's headers are worked out once
 * per reading (the caches live as long as one `collect`).
 */

const CONTROLS = 'input:not([type=hidden]),select,textarea,button';

export class HeaderFinder {
  private tableHeaders = new Map<Element, string[]>();
  private ariaHeaders = new Map<Element, Map<number, string>>();
  private divHeaders = new Map<Element, string[] | null>();
  private rowColumns = new Map<Element, Map<Element, number>>();

  headerFor(el: Element): string {
    return this.fromTable(el) || this.fromAria(el) || this.fromDivRows(el);
  }

  private fromTable(el: Element): string {
    const tag = el.localName;
    const cell = tag === 'td' || tag === 'th' ? el : el.closest('td,th');
    const row = cell?.parentElement;
    if (!cell || !row || row.localName !== 'tr') return '';
    const table = tableOf(row);
    if (!table) return '';
    return this.columnHeaders(table)[this.columnOf(cell, row)] ?? '';
  }

  /** A cell's column: the spans of the cells before it, worked out once per row. */
  private columnOf(cell: Element, row: Element): number {
    let columns = this.rowColumns.get(row);
    if (!columns) {
      columns = new Map();
      let column = 0;
      for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
        columns.set(c, column);
        column += span(c);
      }
      this.rowColumns.set(row, columns);
    }
    return columns.get(cell) ?? 0;
  }

  /** A table's header text per column ('' where a column has none), worked out once. */
  columnHeaders(table: Element): string[] {
    let headers = this.tableHeaders.get(table);
    if (!headers) {
      headers = tableColumnHeaders(table as HTMLTableElement);
      this.tableHeaders.set(table, headers);
    }
    return headers;
  }

  /**
   * Every text a cell of this table could take as its header from a header row of plain
   * elements outside its own rows (fromDivRows, where a column has no header): the rows
   * before each section, the table and its ancestors. Cells' own rows are the table's text.
   */
  headerRowTextsAround(table: Element): string[] {
    const texts: string[] = [];
    const levels: Element[] = Array.from(table.children);
    for (let a: Element | null = table, n = 0; a && n < 4; a = a.parentElement, n++) levels.push(a);
    for (const level of levels) {
      if (level.childElementCount >= 2) texts.push(...(this.headerRowFor(level) ?? []));
    }
    return texts;
  }

  private fromAria(el: Element): string {
    const cell = el.closest('[role=gridcell],[role=cell]');
    const row = cell?.closest('[role=row]');
    const grid = row?.closest('[role=grid],[role=table],[role=treegrid]');
    if (!cell || !row || !grid) return '';
    let headers = this.ariaHeaders.get(grid);
    if (!headers) {
      headers = new Map();
      grid.querySelectorAll('[role=columnheader]').forEach((h, i) => {
        const at = Number(h.getAttribute('aria-colindex')) || 0;
        const position = at > 0 ? at - 1 : positionInRow(h, i);
        headers?.set(position, cleanText(h.getAttribute('aria-label') || h.textContent, 60));
      });
      this.ariaHeaders.set(grid, headers);
    }
    const at = Number(cell.getAttribute('aria-colindex')) || 0;
    const cells = Array.from(row.children).filter((c) =>
      /^(gridcell|cell|rowheader|columnheader)$/.test(c.getAttribute('role') ?? ''),
    );
    return headers.get(at > 0 ? at - 1 : cells.indexOf(cell)) ?? '';
  }

  /** Plain divs: the field sits in the k-th child of a "row"; a sibling row before it (or before its parent) with the same number of text-only children is the header row. */
  private fromDivRows(el: Element): string {
    let cell: Element = el;
    for (let depth = 0; depth < 4; depth++) {
      const row = cell.parentElement;
      if (!row) return '';
      if (row.childElementCount >= 2) {
        const headers = this.headerRowFor(row);
        if (headers) return headers[Array.prototype.indexOf.call(row.children, cell)] ?? '';
      }
      cell = row;
    }
    return '';
  }

  private headerRowFor(row: Element): string[] | null {
    if (this.divHeaders.has(row)) return this.divHeaders.get(row) ?? null;
    let found: string[] | null = null;
    const candidates: Element[] = [];
    for (let s = row.previousElementSibling, n = 0; s && n < 60; s = s.previousElementSibling, n++)
      candidates.push(s);
    const parentBefore = row.parentElement?.previousElementSibling;
    if (parentBefore) candidates.push(parentBefore, ...Array.from(parentBefore.children).slice(0, 1));
    for (const c of candidates) {
      if (c.childElementCount !== row.childElementCount || c.querySelector(CONTROLS)) continue;
      const texts = Array.from(c.children, (h) => cleanText(h.textContent, 60));
      if (texts.filter(Boolean).length >= 2 && texts.every((t) => t.length <= 40)) {
        found = texts;
        break;
      }
    }
    this.divHeaders.set(row, found);
    return found;
  }
}

/** The table a row belongs to (cell.closest('table')), without a selector walk for the usual tr > tbody > table. */
function tableOf(row: Element): Element | null {
  const up = row.parentElement;
  if (up?.localName === 'table') return up;
  const section = up?.localName;
  if (
    (section === 'tbody' || section === 'thead' || section === 'tfoot') &&
    up?.parentElement?.localName === 'table'
  )
    return up.parentElement;
  return row.closest('table');
}

function span(cell: Element): number {
  return Math.max(1, Number(cell.getAttribute('colspan')) || 1);
}

function positionInRow(header: Element, fallback: number): number {
  const row = header.parentElement;
  if (!row) return fallback;
  return Array.from(row.children)
    .filter((c) => c.getAttribute('role') === 'columnheader')
    .indexOf(header);
}

function allHeaderCells(row: HTMLTableRowElement): boolean {
  const cells = row.cells;
  if (cells.length === 0) return false;
  for (let i = 0; i < cells.length; i++) if (cells[i]?.localName !== 'th') return false;
  return true;
}

/** Header text per column; several header rows (grouped headers, rowspan/colspan) are joined top to bottom. */
function tableColumnHeaders(table: HTMLTableElement): string[] {
  // A header row is in a thead or holds only th cells: the (few) theads and th cells lead to
  // them without looking at every row of a long table.
  const maybe = new Set<HTMLTableRowElement>();
  for (const head of Array.from(table.getElementsByTagName('thead')))
    for (const r of Array.from(head.children)) if (r.localName === 'tr') maybe.add(r as HTMLTableRowElement);
  for (const th of Array.from(table.getElementsByTagName('th')))
    if (th.parentElement?.localName === 'tr') maybe.add(th.parentElement as HTMLTableRowElement);
  let headerRows = [...maybe]
    .filter(
      (r) =>
        r.rowIndex >= 0 &&
        tableOf(r) === table &&
        (r.parentElement?.localName === 'thead' || allHeaderCells(r)),
    )
    .sort((a, b) => a.rowIndex - b.rowIndex);
  if (headerRows.length === 0) {
    const rows = Array.from(table.rows).filter((r) => tableOf(r) === table);
    const first = rows[0];
    if (first && rows.length > 1 && !first.querySelector(CONTROLS)) headerRows = [first];
  }
  const columns: string[] = [];
  // Cells spanning down from earlier header rows take their columns in the rows below.
  const taken = new Map<number, Set<number>>();
  headerRows.forEach((row, r) => {
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      while (taken.get(r)?.has(column)) column++;
      const text = cleanText(cell.getAttribute('aria-label') || cell.textContent, 60);
      const down = Math.max(1, Number(cell.getAttribute('rowspan')) || 1);
      for (let k = 0; k < span(cell); k++) {
        const at = column + k;
        if (text) columns[at] = columns[at] ? `${columns[at]} ${text}` : text;
        for (let d = 1; d < down; d++) {
          const set = taken.get(r + d) ?? new Set<number>();
          set.add(at);
          taken.set(r + d, set);
        }
      }
      column += span(cell);
    }
  });
  return columns;
}
