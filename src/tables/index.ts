/** CMS file parsers (NCCI practitioner PTP, practitioner MUE) for the options page. */
export { isoFromCmsDate, splitCells } from './cells';
export { type Progress, parseInChunks } from './chunked';
export { isTherapyCode, type LoadReport, loadMueFile, loadPtpFiles, TableLoadError } from './load';
export { createMueParser, effectiveFromPreamble, mueRow } from './mue';
export { createPtpParser, ptpRow, ptpVersionFromFileName } from './ptp';
export type { LineParser, ParseResult, Rejected } from './types';
