// @vitest-environment happy-dom
import { beforeEach, expect, test } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FrameStatus } from '../shared/messages';
import { INACTIVE_ANSWER_DELAY_MS, runChargeGuard } from './run';

/** The real page, core and settings layers on the smoke page, answering the popup. */
beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = `<form id="charges">
    <label>CPT <input name="cpt" value="97535"></label>
    <label>Modifiers <input name="mod" value=""></label>
    <label>Units <input name="units" value="2"></label>
    <label>Minutes <input name="minutes" value="30"></label>
    <button type="submit">Submit charges</button></form>`;
});

async function status(): Promise<FrameStatus> {
  for (let i = 0; i < 50; i++) {
    const answer = (await browser.runtime.sendMessage({ type: 'cg/status' })) as FrameStatus | undefined;
    if (answer?.active) return answer;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no active status');
}

test('answers cg/status with counts and ids only, never a page value', async () => {
  const ctx = new ContentScriptContext('portal');
  runChargeGuard(ctx);
  const answer = await status();
  expect(answer.counts.error).toBeGreaterThan(0);
  expect(answer.profileId).toBe('medicare');
  const text = JSON.stringify(answer);
  for (const value of ['97535', '"2"', '30']) expect(text).not.toContain(value);
  ctx.abort();
});

test('invalidation removes the overlay and stops answering', async () => {
  const ctx = new ContentScriptContext('portal');
  runChargeGuard(ctx);
  await status();
  expect(document.querySelector('charge-guard-overlay')).not.toBeNull();
  ctx.abort();
  expect(document.querySelector('charge-guard-overlay')).toBeNull();
  const after = await browser.runtime.sendMessage({ type: 'cg/status' }).catch(() => undefined);
  expect(after).toBeUndefined();
});

test('a top frame without charge fields answers only after frames that have them had their turn', async () => {
  document.body.innerHTML = '<p>Schedule</p>';
  const ctx = new ContentScriptContext('portal');
  runChargeGuard(ctx);
  const started = performance.now();
  const answer = (await browser.runtime.sendMessage({ type: 'cg/status' })) as FrameStatus;
  expect(answer.active).toBe(false);
  expect(performance.now() - started).toBeGreaterThanOrEqual(INACTIVE_ANSWER_DELAY_MS - 5);
  ctx.abort();
});
