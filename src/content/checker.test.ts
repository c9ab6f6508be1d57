// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startChecker } from './checker';
import { leaveHandoff } from './handoff';

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = `<form><label>CPT <input name="cpt" value="97535"></label>
    <label>Units <input name="units" value="2"></label><label>Minutes <input name="minutes" value="30"></label>
    <button type="submit">Submit</button></form>`;
  ctx = new ContentScriptContext('portal');
});
afterEach(() => ctx.abort());

const overlays = () => document.querySelectorAll('charge-guard-overlay').length;
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

test('runs under the gate context once, however often it is injected', async () => {
  const handoff = leaveHandoff(ctx);
  startChecker();
  startChecker();
  expect(handoff.checkerStarted).toBe(true);
  await until(() => overlays() > 0);
  expect(overlays()).toBe(1);
  ctx.abort(); // the gate's context ends (extension update): the checker's overlay goes with it
  expect(overlays()).toBe(0);
});

test('starts its session in a task after its own, not in the task that compiled and ran the script', async () => {
  const listening = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  leaveHandoff(ctx);
  startChecker();
  // runChargeGuard's first synchronous step is listening for the popup's questions.
  expect(listening).not.toHaveBeenCalled();
  await new Promise((done) => setTimeout(done, 0));
  expect(listening).toHaveBeenCalledTimes(1);
  await until(() => overlays() > 0);
  expect(overlays()).toBe(1);
});
