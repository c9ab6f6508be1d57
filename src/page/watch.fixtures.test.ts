// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { readPage } from './read';
import { loadFixture } from './testing/fixtures';
import { watchPage } from './watch';
import { writeFieldValue } from './write';

const open: { happyDOM: { close(): Promise<void> } }[] = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const c of controllers.splice(0)) c.abort();
  for (const w of open.splice(0)) await w.happyDOM.close();
});

test('an app-added row and typing into it: each frame gives at most one onChange, and the new line is read', async () => {
  const window = await loadFixture('react-controlled.html');
  open.push(window);
  const doc = window.document as unknown as Document;
  const frame = () =>
    new Promise<void>((done) => window.requestAnimationFrame(() => window.setTimeout(done, 0)));
  const controller = new AbortController();
  controllers.push(controller);
  let calls = 0;
  watchPage(doc, { taught: [] }, () => calls++, controller.signal);

  (doc.querySelector('#add-line') as HTMLElement).click();
  await frame();
  expect(calls).toBe(1);

  const row = doc.querySelectorAll('[role=row][data-key]')[3] as Element;
  const [code, mods, minutes, units] = Array.from(row.querySelectorAll('input'));
  writeFieldValue(code as Element, '97112');
  writeFieldValue(mods as Element, 'GP');
  writeFieldValue(minutes as Element, '10');
  writeFieldValue(units as Element, '1');
  await frame();
  expect(calls).toBe(2);
  expect(readPage(doc, { taught: [] })?.claim.lines.map((l) => l.code)).toEqual([
    '97110',
    '97140',
    '97530',
    '97112',
  ]);
});
