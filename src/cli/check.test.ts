import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from './spawn-cli';

// The design.md claim without its GO modifier: a clean Medicare OT visit otherwise.
const CLAIM = {
  payer: 'medicare',
  dateOfService: '2026-03-04',
  placeOfService: '11',
  discipline: 'OT',
  renderedBy: 'therapist',
  ytdTherapyCharges: { PT_SLP: 1800, OT: 2400 },
  diagnoses: ['I69.351', 'Z74.09'],
  lines: [{ code: '97535', modifiers: [], units: 2, minutes: 30, dxPointers: ['A'], charge: 64.04 }],
};
const CLEAN = { ...CLAIM, lines: [{ ...CLAIM.lines[0], modifiers: ['GO'] }] };

const dir = mkdtempSync(join(tmpdir(), 'cg-check-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('check CLI', { timeout: 60_000 }, () => {
  test('a claim file → findings JSON, pretty-printed, exit 0', async () => {
    const run = await runCli('check', [file('claim.json', CLAIM)]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^\[\n {2}\{\n {4}"rule"/);
    const findings = JSON.parse(run.stdout);
    expect(rules(findings)).toContain('modifier/discipline-missing');
    expect(findings.find((f: { rule: string }) => f.rule === 'modifier/discipline-missing')).toMatchObject({
      line: 0,
      fix: { line: 0, addModifier: 'GO' },
    });
  });

  test('stdin with "-" gives the same answer as the file', async () => {
    const [fromFile, fromStdin] = await Promise.all([
      runCli('check', [file('same.json', CLAIM)]),
      runCli('check', ['-'], JSON.stringify(CLAIM)),
    ]);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  test('an array of claims → an array of findings arrays', async () => {
    const run = await runCli('check', ['-'], JSON.stringify([CLAIM, CLEAN]));
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toHaveLength(2);
    expect(rules(out[0])).toContain('modifier/discipline-missing');
    expect(rules(out[1])).not.toContain('modifier/discipline-missing');
  });

  // Error wording for every kind of field is tested in-process (parse-claim.test.ts); here, the wiring.
  test.each([
    ['an object', { lines: [{ units: 2 }, 5] }, 'lines[1]: expected an object'],
    ['an array', [CLAIM, CLAIM, CLAIM, {}], '[3].lines: required'],
  ])('not a claim (%s) → exit 2, nothing on stdout, one line naming the field', async (_, input, error) => {
    const run = await runCli('check', ['-'], JSON.stringify(input));
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${error}\n` });
  });

  test('not JSON → exit 2, one line', async () => {
    const run = await runCli('check', [file('bad.json', '{"lines": [')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^not JSON: [^\n]+\n$/);
  });

  test('a missing file or an unknown profile → exit 2, one line', async () => {
    const runs = await Promise.all([
      runCli('check', [join(dir, 'absent.json')]),
      runCli('check', [file('p.json', CLAIM), '--profile', 'no-such-payer']),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^[^\n]+\n$/);
    }
    expect(runs[0]!.stderr).toContain('absent.json');
    expect(runs[1]!.stderr).toContain('--profile');
  });

  test('--profile wins over the claim’s payer', async () => {
    const noPayer = { ...CLEAN, payer: undefined };
    const [guessed, chosen] = await Promise.all([
      runCli('check', ['-'], JSON.stringify(noPayer)),
      runCli('check', ['-', '--profile', 'medicare'], JSON.stringify(noPayer)),
    ]);
    expect(chosen.code).toBe(0);
    const payerNotes = (out: string) =>
      JSON.parse(out).filter(
        (f: { rule: string; field?: string }) => f.rule === 'check/skipped' && f.field === 'payer',
      );
    expect(payerNotes(guessed.stdout)).toHaveLength(1);
    expect(payerNotes(chosen.stdout)).toHaveLength(0);
  });

  test('npm run --silent check runs this CLI', async () => {
    const path = file('npm.json', CLAIM);
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'check', '--', path], {
      cwd: ROOT,
    });
    expect(rules(JSON.parse(stdout))).toContain('modifier/discipline-missing');
  });
});
