/**
 * `npm run --silent check -- FILE [--profile ID]` (FILE `-` for stdin): a Claim JSON, or an
 * array of them, in; findings JSON (an array, or an array of arrays) out, exit 0. Input that is
 * not a claim: exit 2 and one line naming the field, e.g. `[3].lines: required`.
 */
import { BUILT_IN_PROFILES, checkClaim, findProfile, parseClaim } from '../core/index';
import { parseClaimAt } from '../core/parse-claim';
import { InputError, parseArgs, readJson, runCommand } from './io';

const USAGE = 'usage: npm run --silent check -- FILE|- [--profile ID]';

function requireClaim(input: unknown, root: string): void {
  const parsed = root === '' ? parseClaim(input) : parseClaimAt(input, root);
  if (!parsed.ok) throw new InputError(parsed.error);
}

runCommand(async () => {
  const args = parseArgs(process.argv.slice(2), ['profile'], USAGE);
  const profile = args.flags.get('profile');
  if (profile !== undefined && !findProfile(profile)) {
    const known = BUILT_IN_PROFILES.map((p) => p.id).join(', ');
    throw new InputError(`--profile: no profile "${profile}" (built in: ${known})`);
  }
  const input = await readJson(args.file);
  const options = profile === undefined ? {} : { profile };
  if (Array.isArray(input)) {
    for (const [i, claim] of input.entries()) requireClaim(claim, `[${i}]`);
    return input.map((claim) => checkClaim(claim, options));
  }
  requireClaim(input, '');
  return checkClaim(input, options);
});
