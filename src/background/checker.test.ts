import { beforeEach, expect, test } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkerLoader } from './checker';

let injected: [number, number][] = [];
let fail = false;
const loader = checkerLoader(async (tabId, frameId) => {
  if (fail) throw new Error('frame gone');
  injected.push([tabId, frameId]);
});
const self = () => ({ id: browser.runtime.id });

beforeEach(() => {
  fakeBrowser.reset();
  injected = [];
  fail = false;
});

test('injects the checker into the frame that asked, taken from the sender', async () => {
  expect(await loader({ type: 'cg/load-checker' }, { ...self(), tab: { id: 7 }, frameId: 3 })).toBe(true);
  expect(injected).toEqual([[7, 3]]);
});

test('ignores other messages, senders without a tab, and other extensions', async () => {
  expect(loader({ type: 'cg/status' }, { ...self(), tab: { id: 7 }, frameId: 0 })).toBeUndefined();
  expect(loader({ type: 'cg/load-checker' }, { ...self(), frameId: 0 })).toBeUndefined();
  expect(
    loader({ type: 'cg/load-checker' }, { id: 'someone-else', tab: { id: 7 }, frameId: 0 }),
  ).toBeUndefined();
  expect(loader('cg/load-checker', { ...self(), tab: { id: 7 } })).toBeUndefined();
  expect(injected).toEqual([]);
});

test('a frame that refuses injection is answered false, never thrown', async () => {
  fail = true;
  expect(await loader({ type: 'cg/load-checker' }, { ...self(), tab: { id: 7 }, frameId: 0 })).toBe(false);
});
