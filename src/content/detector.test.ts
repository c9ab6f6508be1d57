// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FrameStatus } from '../shared/messages';
import { runDetector } from './detector';
import { takeHandoff } from './handoff';
import { INACTIVE_ANSWER_DELAY_MS } from './status';

/** What reached "the background": every message the gate sent. */
let sent: unknown[] = [];
let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: string }).type === 'cg/load-checker') sent.push(message);
    return undefined;
  });
  ctx = new ContentScriptContext('portal');
});
afterEach(() => ctx.abort());

const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
const settle = async () => {
  for (let i = 0; i < 3; i++) await frame();
};

test('a page with charge fields asks for the checker at once, once, with nothing from the page', async () => {
  document.body.innerHTML = '<label>CPT <input name="cpt" value="97535"></label>';
  runDetector(ctx);
  document.body.insertAdjacentHTML('beforeend', '<label>Units <input name="units" value="2"></label>');
  await settle();
  expect(sent).toEqual([{ type: 'cg/load-checker' }]);
});

test('a page without them asks nothing, until it adds charge fields', async () => {
  document.body.innerHTML = '<form><label>Search <input name="q"></label></form><p>Schedule</p>';
  runDetector(ctx);
  await settle();
  expect(sent).toEqual([]);
  document.body.insertAdjacentHTML('beforeend', '<p>Inbox: 3 new</p>');
  await settle();
  expect(sent).toEqual([]);
  const dialog = document.createElement('div');
  dialog.innerHTML =
    '<table><tr><th>CPT</th><th>Units</th></tr><tr><td><input></td><td><input></td></tr></table>';
  document.body.append(dialog);
  await settle();
  expect(sent).toHaveLength(1);
});

test('fields taught on this site open the gate even where nothing looks like a charge', async () => {
  document.body.innerHTML = '<input id="w_a">';
  await browser.storage.local.set({
    settings: { taught: [{ host: location.hostname, pathPattern: '*', fields: [] }] },
  });
  runDetector(ctx);
  await settle();
  expect(sent).toHaveLength(1);
});

test('teaching later (a settings change) opens it too; taught fields elsewhere do not', async () => {
  document.body.innerHTML = '<input id="w_a">';
  runDetector(ctx);
  await browser.storage.local.set({
    settings: { taught: [{ host: 'other.example', pathPattern: '*', fields: [] }] },
  });
  await settle();
  expect(sent).toEqual([]);
  await browser.storage.local.set({
    settings: { taught: [{ host: location.hostname, pathPattern: '*', fields: [] }] },
  });
  await settle();
  expect(sent).toHaveLength(1);
});

test('answers the popup for its frame until the checker starts there', async () => {
  document.body.innerHTML = '<p>Schedule</p>';
  runDetector(ctx);
  const started = performance.now();
  const answer = (await browser.runtime.sendMessage({ type: 'cg/status' })) as FrameStatus;
  expect(answer.active).toBe(false);
  expect(performance.now() - started).toBeGreaterThanOrEqual(INACTIVE_ANSWER_DELAY_MS - 5);
  takeHandoff()!.checkerStarted = true;
  expect(await browser.runtime.sendMessage({ type: 'cg/status' }).catch(() => undefined)).toBeUndefined();
});

test('leaves the checker its context, and stops watching when invalidated', async () => {
  document.body.innerHTML = '<p>Schedule</p>';
  runDetector(ctx);
  expect(takeHandoff()?.ctx).toBe(ctx);
  ctx.abort();
  document.body.insertAdjacentHTML('beforeend', '<label>CPT <input name="cpt"></label>');
  await settle();
  expect(sent).toEqual([]);
});
