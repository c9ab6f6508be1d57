/**
 * `npm run --silent units -- FILE` (FILE `-` for stdin): `{"method":"cms"|"ama","codes":[...]}`
 * (or an array of them) in; `{"totalTimedMinutes","totalUnits","lines":[{"code","units"}]}`
 * (or an array) out, with the method, ties and the working added. Bad input: exit 2, one line.
 */
import { countUnits, type UnitsResult } from '../core/index';
import { InputError, parseArgs, readJson, runCommand } from './io';
import { parseUnitsRequest } from './units-request';

const USAGE = 'usage: npm run --silent units -- FILE|-';

function answer(input: unknown, root: string): UnitsResult {
  const parsed = parseUnitsRequest(input, root);
  if (!parsed.ok) throw new InputError(parsed.error);
  return countUnits(parsed.request.method, parsed.request.codes);
}

/** Design keys first (totalTimedMinutes, totalUnits, lines[].code/units), then what we add. */
function shape(result: UnitsResult) {
  return {
    method: result.method,
    totalTimedMinutes: result.totalTimedMinutes,
    totalUnits: result.totalUnits,
    lines: result.lines.map(({ code, units, minutes, timed, why }) => ({ code, units, minutes, timed, why })),
    ties: result.ties,
    notes: result.notes,
  };
}

runCommand(async () => {
  const args = parseArgs(process.argv.slice(2), [], USAGE);
  const input = await readJson(args.file);
  if (Array.isArray(input)) {
    const results = input.map((request, i) => answer(request, `[${i}]`));
    return results.map(shape);
  }
  return shape(answer(input, ''));
});
