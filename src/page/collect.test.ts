// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { collect } from './collect';
import { OVERLAY_HOST_ATTR } from './types';

beforeEach(() => {
  document.body.innerHTML = '';
});

const byName = (name: string) => {
  const c = collect(document);
  const i = c.fieldElements.findIndex((el) => el.getAttribute('name') === name);
  return c.fields[i];
};

describe('values', () => {
  test('reads the live .value property, not the attribute', () => {
    document.body.innerHTML = '<input name="units" value="1">';
    (document.querySelector('input') as HTMLInputElement).value = '3';
    expect(byName('units')?.value).toBe('3');
  });

  test('a select gives its value and the selected option text', () => {
    document.body.innerHTML =
      '<select name="pos"><option value="11">11 – Office</option><option value="10">10 – Home</option></select>';
    (document.querySelector('select') as HTMLSelectElement).value = '10';
    expect(byName('pos')).toMatchObject({ kind: 'select', value: '10', optionText: '10 – Home' });
  });

  test('contenteditable and textarea hold values too; checkboxes and passwords are never read', () => {
    document.body.innerHTML =
      '<div contenteditable="true" title="Units">2</div><textarea name="dx">I69.351</textarea><input type="password" name="pw" value="x"><input type="checkbox" name="cb">';
    const c = collect(document);
    expect(c.fields.map((f) => [f.kind, f.value])).toEqual([
      ['editable', '2'],
      ['textarea', 'I69.351'],
    ]);
  });
});

describe('labels from every source', () => {
  test('label[for], wrapping label (without the option texts), aria-label, aria-labelledby, placeholder, title, legend', () => {
    document.body.innerHTML = `
      <fieldset><legend>Box 24</legend>
        <label for="a">CPT</label><input id="a" name="a">
        <label>Place <select name="b"><option>11 Office</option></select></label>
        <input name="c" aria-label="Units">
        <span id="lab">Minutes</span><input name="d" aria-labelledby="lab">
        <input name="e" placeholder="Dx pointer" title="Pointer to box 21">
      </fieldset>`;
    expect(byName('a')?.labels).toEqual(['CPT', 'Box 24']);
    expect(byName('b')?.labels).toEqual(['Place', 'Box 24']);
    expect(byName('c')?.labels).toEqual(['Units', 'Box 24']);
    expect(byName('d')?.labels).toEqual(['Minutes', 'Box 24']);
    expect(byName('e')?.hints).toEqual(['Dx pointer', 'Pointer to box 21']);
  });

  test('neighbouring text before a field', () => {
    document.body.innerHTML = '<div>Units <input name="u"></div><div><span>Min</span><input name="m"></div>';
    expect(byName('u')?.nearby).toBe('Units');
    expect(byName('m')?.nearby).toBe('Min');
  });
});

describe('column headers', () => {
  test('thead with grouped headers (rowspan and colspan)', () => {
    document.body.innerHTML = `<table>
      <thead><tr><th rowspan="2">POS</th><th colspan="3">Procedure</th></tr><tr><th>CPT</th><th colspan="2">Modifier</th></tr></thead>
      <tbody><tr><td><input name="pos"></td><td><input name="cpt"></td><td><input name="m1"></td><td><input name="m2"></td></tr></tbody></table>`;
    expect(byName('pos')?.header).toBe('POS');
    expect(byName('cpt')?.header).toBe('Procedure CPT');
    expect(byName('m2')?.header).toBe('Procedure Modifier');
  });

  test('a first row of plain cells above the data rows', () => {
    document.body.innerHTML =
      '<table><tr><td>Code</td><td>Units</td></tr><tr><td><input name="c"></td><td><input name="u"></td></tr></table>';
    expect(byName('u')?.header).toBe('Units');
  });

  test('an ARIA grid with role=columnheader', () => {
    document.body.innerHTML = `<div role="grid"><div role="row"><div role="columnheader">CPT</div><div role="columnheader">Units</div></div>
      <div role="rowgroup"><div role="row"><div role="gridcell"><input name="c"></div><div role="gridcell"><input name="u"></div></div></div></div>`;
    expect(byName('u')?.header).toBe('Units');
  });

  test('a header row of plain divs before the container of the data rows', () => {
    document.body.innerHTML = `<div><div class="h"><div>CPT</div><div>Units</div></div>
      <div class="b"><div class="r"><div><input name="c"></div><div><input name="u"></div></div></div></div>`;
    expect(byName('u')?.header).toBe('Units');
    expect(byName('c')?.header).toBe('CPT');
  });
});

describe('walking', () => {
  test('open shadow roots are walked in place, closed ones cannot be', () => {
    document.body.innerHTML =
      '<input name="before"><x-open></x-open><x-closed></x-closed><input name="after">';
    const open = (document.querySelector('x-open') as HTMLElement).attachShadow({ mode: 'open' });
    open.innerHTML = '<label for="u">Units</label><input id="u" name="inside">';
    const closed = (document.querySelector('x-closed') as HTMLElement).attachShadow({ mode: 'closed' });
    closed.innerHTML = '<input name="secret">';
    const c = collect(document);
    expect(c.fieldElements.map((e) => e.getAttribute('name'))).toEqual(['before', 'inside', 'after']);
    expect(c.fields[1]?.labels).toEqual(['Units']);
    expect(c.roots).toHaveLength(2);
  });

  test("Charge Guard's own overlay, pick-lists, frames and scripts are skipped", () => {
    document.body.innerHTML = `<div ${OVERLAY_HOST_ATTR}><input name="ours"></div>
      <ul role="listbox"><li role="option">97110 Therapeutic exercise</li></ul>
      <iframe srcdoc="<input name=framed>"></iframe><script>var x = '97110 Ther ex';</script><input name="page">`;
    expect(collect(document).fieldElements.map((e) => e.getAttribute('name'))).toEqual(['page']);
  });

  test('after walking a shadow root, the outer skipped subtrees still apply', () => {
    document.body.innerHTML =
      '<x-a></x-a><ul role="listbox"><li><input name="in-list"></li></ul><input name="after">';
    const shadow = (document.querySelector('x-a') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<select name="inner"><option>11</option></select>';
    expect(collect(document).fieldElements.map((e) => e.getAttribute('name'))).toEqual(['inner', 'after']);
  });

  test('text cells and text that starts with a code are read; captions and buttons are not', () => {
    document.body.innerHTML = `<table><tr><th>Units</th><td>2</td></tr></table>
      <span>97535 SELF CARE MNGMENT TRAINING</span><button>97110 Add</button><label>97112 NM re-ed</label><p>Just words</p>`;
    expect(collect(document).fields.map((f) => f.value)).toEqual(['2', '97535 SELF CARE MNGMENT TRAINING']);
  });

  test('a text cell that nothing names and that holds no code gets no record (it could never qualify)', () => {
    document.body.innerHTML = `<table><thead><tr><th>User</th><th>Action</th><th>What</th></tr></thead><tbody>
      <tr><td>Quinn</td><td>printed</td><td>goals plan</td></tr>
      <tr><td>Riley</td><td>billed</td><td>97110 Ther ex</td></tr>
      <tr><td title="Units">2</td><td>CPT</td><td>97112</td></tr></tbody></table>`;
    expect(collect(document).fields.map((f) => f.value)).toEqual(['97110 Ther ex', '2', '97112']);
  });

  test('a log table nothing in which could be a value is passed over whole; one with a code or a naming header is read', () => {
    const log = (what: string, header = 'What') =>
      `<table><thead><tr><th>When</th><th>User</th><th>${header}</th><th></th></tr></thead><tbody>${Array.from(
        { length: 30 },
        (_, i) =>
          `<tr><td>2026-03-${String(i + 1).padStart(2, '0')} 10:00</td><td>Quinn</td><td>${what}</td><td><a href="#"><svg><path d="M0 0"/></svg></a></td></tr>`,
      ).join('')}</tbody></table>`;
    document.body.innerHTML = `${log('goals plan')}<input name="after">`;
    expect(collect(document).fieldElements.map((e) => e.getAttribute('name') ?? e.textContent)).toEqual([
      'after',
    ]);
    document.body.innerHTML = log('97110 Ther ex');
    expect(collect(document).fields).toHaveLength(30);
    document.body.innerHTML = log('2', 'Units');
    expect(collect(document).fields).toHaveLength(30);
    // An input, or a custom element that may hold one in its shadow root, makes the table one to walk.
    document.body.innerHTML = log('goals plan').replace('<td>Quinn</td>', '<td><x-box></x-box></td>');
    const shadow = (document.querySelector('x-box') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input name="inside">';
    expect(collect(document).fieldElements.map((e) => e.getAttribute('name'))).toEqual(['inside']);
  });

  test('visibility without layout: type=hidden, a hidden ancestor, inline display:none', () => {
    document.body.innerHTML =
      '<input type="hidden" name="h" value="97110"><div hidden><input name="a"></div><div style="display: none"><input name="b"></div><input name="v">';
    const c = collect(document);
    expect(c.fields.map((f) => [f.name, f.visible])).toEqual([
      ['h', false],
      ['a', false],
      ['b', false],
      ['v', true],
    ]);
  });

  test('the field cap keeps huge pages fast', () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<input name="f${i}">`).join('');
    const capped = collect(document, { maxFields: 10 });
    expect(capped.fields).toHaveLength(10);
    // Cut short, it may have missed shadow roots: the watcher then searches for them itself.
    expect(capped.complete).toBe(false);
    expect(collect(document).complete).toBe(true);
  });

  test('forms are numbered once; fields outside any form get -1', () => {
    document.body.innerHTML =
      '<form id="f1"><input name="a"><input name="b"></form><input name="c"><form id="f2"><input name="d"></form>';
    const c = collect(document);
    expect(c.fields.map((f) => f.form)).toEqual([0, 0, -1, 1]);
    expect(c.formElements.map((f) => f.id)).toEqual(['f1', 'f2']);
  });
});

describe('selector rules (taught mappings and adapters)', () => {
  test('the first rule to claim an element wins; a line from the mapping or from the adapter line container', () => {
    document.body.innerHTML =
      '<div class="ln"><input class="x"><span class="t">Ct</span></div><div class="ln"><input class="x"></div>';
    const c = collect(document, {
      rules: [
        { role: 'units', selector: '.x', source: 'taught', line: 4 },
        { role: 'code', selector: '.x', source: 'adapter' },
        { role: 'minutes', selector: '.t', source: 'adapter' },
      ],
      lineSelectors: ['.ln'],
    });
    expect(c.fields.map((f) => f.assigned)).toEqual([
      { role: 'units', source: 'taught', line: 4 },
      { role: 'minutes', source: 'adapter', line: 0 },
      { role: 'units', source: 'taught', line: 4 },
    ]);
  });

  test('a broken selector is ignored, not thrown', () => {
    document.body.innerHTML = '<input name="a">';
    expect(() =>
      collect(document, { rules: [{ role: 'code', selector: '[[nope', source: 'taught' }] }),
    ).not.toThrow();
  });
});
