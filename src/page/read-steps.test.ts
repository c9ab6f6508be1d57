// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { STEP_ELEMENTS } from './collect';
import { readPage, readPageSteps } from './read';

test('a big page is read in steps that pause, and the steps read what readPage reads', () => {
  const rows = Array.from(
    { length: 120 },
    (_, i) =>
      `<tr><td><input name="cpt${i}" value="97110"></td><td><input name="units${i}" value="2"></td>` +
      `<td><input name="minutes${i}" value="30"></td><td><span>note</span></td></tr>`,
  ).join('');
  const filler = Array.from({ length: 600 }, (_, i) => `<div><span>menu ${i}</span></div>`).join('');
  document.body.innerHTML = `<nav>${filler}</nav><form><table><thead><tr><th>CPT</th><th>Units</th><th>Minutes</th><th>Note</th></tr></thead><tbody>${rows}</tbody></table><button type="submit">Submit</button></form>`;

  const steps = readPageSteps(document, { taught: [] });
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next();
  }
  const elements = document.querySelectorAll('*').length;
  expect(pauses).toBeGreaterThanOrEqual(Math.floor(elements / STEP_ELEMENTS) - 1);
  const whole = readPage(document, { taught: [] });
  expect(step.value?.claim).toEqual(whole?.claim);
  expect(step.value?.bindings.map((b) => [b.role, b.line, b.element])).toEqual(
    whole?.bindings.map((b) => [b.role, b.line, b.element]),
  );
  expect(whole?.claim.lines).toHaveLength(120);
});
