/**
 * The path pattern a taught mapping is saved under: the page's path with the parts that name
 * one record (numbers, ids) replaced by `*`, so the mapping applies to every charge of that
 * kind ("/patients/48213/charges/new" → "/patients/*\/charges/new"). The query string and hash
 * are never kept: they often carry patient or encounter ids.
 */
export function pathPatternFor(pathname: string): string {
  const segments = pathname.split('/').map((segment) => (isRecordId(segment) ? '*' : segment));
  const pattern = segments.join('/') || '/';
  return pattern.startsWith('/') ? pattern : `/${pattern}`;
}

function isRecordId(segment: string): boolean {
  if (!segment) return false;
  return /\d{2,}/.test(segment) || /^[0-9a-f]{16,}$/i.test(segment) || /^[0-9a-f-]{32,36}$/i.test(segment);
}
