import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './spawn-cli';

// Field-by-field error wording is tested in-process (units-request.test.ts); here, the wiring.
describe('units CLI', { timeout: 60_000 }, () => {
  test('the design.md request on stdin → the design.md answer, with the working added', async () => {
    const request = {
      method: 'cms',
      codes: [
        { code: '97110', minutes: 33 },
        { code: '97140', minutes: 7 },
      ],
    };
    const run = await runCli('units', ['-'], JSON.stringify(request));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ method: 'cms', totalTimedMinutes: 40, totalUnits: 3, ties: [] });
    expect(out.lines.map(({ code, units }: { code: string; units: number }) => ({ code, units }))).toEqual([
      { code: '97110', units: 2 },
      { code: '97140', units: 1 },
    ]);
    expect(out.notes.length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^\{\n {2}"method"/);
  });

  test('an array of requests in a file → an array of answers: AMA, a tie, an untimed code', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cg-units-')), 'day.json');
    writeFileSync(
      path,
      JSON.stringify([
        {
          method: 'ama',
          codes: [
            { code: '97110', minutes: 20 },
            { code: '97140', minutes: 18 },
          ],
        },
        {
          method: 'cms',
          codes: [
            { code: '97112', minutes: 20 },
            { code: '97110', minutes: 20 },
          ],
        },
        { codes: [{ code: '97161' }, { code: '97110', minutes: '0:23' }] },
      ]),
    );
    const run = await runCli('units', [path]);
    expect(run.code).toBe(0);
    const [ama, tie, mixed] = JSON.parse(run.stdout);
    expect(ama).toMatchObject({ method: 'ama', totalUnits: 2 });
    expect(tie).toMatchObject({ totalUnits: 3, ties: [{ codes: ['97112', '97110'], units: 1 }] });
    expect(mixed).toMatchObject({
      method: 'cms',
      totalTimedMinutes: 23,
      totalUnits: 2,
      lines: [
        { code: '97161', units: 1, timed: false },
        { code: '97110', units: 2, timed: true },
      ],
    });
  });

  test('bad input → exit 2, nothing on stdout, one line naming the field', async () => {
    const run = await runCli('units', ['-'], JSON.stringify([{ codes: [] }, { method: 'cms' }]));
    expect(run).toEqual({ code: 2, stdout: '', stderr: '[1].codes: required\n' });
  });

  test('not JSON → exit 2, one line', async () => {
    const run = await runCli('units', ['-'], 'minutes: 30');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^not JSON: [^\n]+\n$/);
  });
});

describe('units CLI arguments', { timeout: 60_000 }, () => {
  test('--help prints the usage and exits 0; no file exits 2', async () => {
    const [help, none] = await Promise.all([runCli('units', ['--help']), runCli('units', [])]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: /);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^usage: [^\n]+\n$/);
  });
});
