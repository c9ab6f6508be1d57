import { readFileSync } from 'node:fs';

/** Exit status for input that is not what the command takes (design.md, "Command line"). */
export const EXIT_BAD_INPUT = 2;

/** A problem to report as one line on stderr, then exit 2. */
export class InputError extends Error {}

/** `--help`: the usage line on stdout, exit 0. */
class HelpRequest extends Error {}

export interface Args {
  /** A file path, or `-` for stdin. */
  file: string;
  flags: Map<string, string>;
}

/** `FILE` or `-`, plus `--flag VALUE` / `--flag=VALUE` for the flags a command accepts. */
export function parseArgs(argv: readonly string[], accepted: readonly string[], usage: string): Args {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new HelpRequest(usage);
    const [name, inline] = arg.replace(/^--/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (!accepted.includes(name)) throw new InputError(`unknown option ${arg}; ${usage}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new InputError(`--${name} needs a value; ${usage}`);
    flags.set(name, value);
  }
  if (positional.length !== 1) throw new InputError(usage);
  return { file: positional[0]!, flags };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON in FILE (or stdin for `-`); an unreadable file or text that is not JSON is an InputError. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file === '-' ? 'stdin' : file}${code ? ` (${code})` : ''}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : 'syntax error';
    throw new InputError(`not JSON: ${detail}`);
  }
}

/** Runs a command: JSON on stdout (2-space indent), or one line on stderr and exit 2. */
export async function runCommand(main: () => Promise<unknown>): Promise<void> {
  try {
    const output = await main();
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } catch (error) {
    if (error instanceof HelpRequest) {
      process.stdout.write(`${error.message}\n`);
      return;
    }
    const message = error instanceof InputError ? error.message : `internal error: ${String(error)}`;
    process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = error instanceof InputError ? EXIT_BAD_INPUT : 1;
  }
}
