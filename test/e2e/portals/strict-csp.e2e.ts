import { expect, test } from 'vitest';
import { HOST } from '../support/portal';
import { portalSuite } from '../support/suite';

const ctx = portalSuite({
  page: 'strict-csp.html',
  fix: {
    rule: 'telehealth/pos-modifier',
    field: '[data-cg-role="modifier"][data-cg-line="0"]',
    value: /^GP\W*$/,
  },
});

test("the page's strict CSP does not stop the overlay's styles (adopted stylesheet)", async () => {
  await ctx.reload();
  const style = await ctx.frame.evaluate((tag) => {
    const panel = document.querySelector(tag)?.shadowRoot?.querySelector('.cg-panel');
    if (!panel) return null;
    const css = getComputedStyle(panel);
    return { position: css.position, background: css.backgroundColor, radius: css.borderTopLeftRadius };
  }, HOST);
  expect(style).toEqual({ position: 'fixed', background: 'rgb(255, 255, 255)', radius: '10px' });
});
