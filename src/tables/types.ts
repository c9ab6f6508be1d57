/** A line the parser could not read after the data began (reported to the user with its number). */
export interface Rejected {
  line: number;
  text: string;
}

export interface ParseResult<R> {
  /** Rows kept (therapy-relevant). */
  rows: R[];
  /** Data rows in the file, kept or not. */
  rowsRead: number;
  rejected: Rejected[];
}

/** Fed one line at a time, so a file of a million rows never sits in memory as text. */
export interface LineParser<R> {
  line(text: string): void;
  result(): ParseResult<R>;
}
