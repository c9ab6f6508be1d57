import { describe, expect, test } from 'vitest';
import { findDecoyForms, isSubmitControl, qualifyField } from './qualify';
import { control, field } from './testing/records';

const role = (over: Parameters<typeof field>[0]) => qualifyField(field(over)).role;

describe('label words', () => {
  test.each([
    [{ labels: ['CPT'] }, 'code'],
    [{ labels: ['HCPCS'] }, 'code'],
    [{ header: 'Procedure' }, 'code'],
    [{ name: 'procCode' }, 'code'],
    [{ labels: ['Charge code'] }, 'code'],
    [{ labels: ['Modifier'] }, 'modifier'],
    [{ name: 'mod2' }, 'modifier'],
    [{ header: 'Qty' }, 'units'],
    [{ header: 'Days or units' }, 'units'],
    [{ name: 'bill[3][units]' }, 'units'],
    [{ labels: ['Minutes'] }, 'minutes'],
    [{ header: 'Min' }, 'minutes'],
    [{ labels: ['Treatment time'] }, 'minutes'],
    [{ labels: ['ICD-10'] }, 'dx'],
    [{ labels: ['Diagnosis'] }, 'dx'],
    [{ header: 'Dx ptr' }, 'dx-pointer'],
    [{ labels: ['Diagnosis pointer'] }, 'dx-pointer'],
    [{ name: 'justify1' }, 'dx-pointer'],
    [{ labels: ['Place of service'] }, 'pos'],
    [{ header: 'POS' }, 'pos'],
    [{ labels: ['Date of service'] }, 'dos'],
    [{ header: 'Date(s) of service From' }, 'dos'],
    [{ labels: ['Primary insurance'] }, 'payer'],
    [{ labels: ['Payer'] }, 'payer'],
    [{ header: '$ Charges' }, 'charge'],
    [{ labels: ['Fee'], value: '64.04' }, 'charge'],
    [{ hints: ['CPT code'] }, 'code'],
  ] as [Parameters<typeof field>[0], string][])('%o -> %s', (over, expected) => {
    expect(role(over)).toBe(expected);
  });

  test('whole words only: "admin" is not "min", "modality" is not "mod"', () => {
    expect(role({ labels: ['Admin'] })).toBeNull();
    expect(role({ labels: ['Modality'] })).toBeNull();
  });

  test('the text before a field counts, but less than a label', () => {
    expect(role({ nearby: 'Units' })).toBe('units');
    expect(role({ nearby: 'Code' })).toBeNull();
  });
});

describe('words that say "not a charge value"', () => {
  test.each([
    'Total charge',
    'Total timed minutes',
    'Amount paid',
    "Patient's birth date",
    '14. Date of current illness',
    'ICD Ind.',
    'Rendering provider NPI',
    'Prior authorization number',
    'Time in',
  ])('%s', (label) => {
    expect(role({ labels: [label], value: '1' })).toBeNull();
  });
});

describe('value shapes', () => {
  test('a generic "Code" label is a procedure code when it holds one, a diagnosis when it holds one', () => {
    expect(role({ labels: ['Code'], value: '97110' })).toBe('code');
    expect(role({ labels: ['Code'], value: 'G0283' })).toBe('code');
    expect(role({ labels: ['Code'] })).toBeNull();
  });

  test('a "Dx" column that holds pointers is the pointer', () => {
    expect(role({ header: 'Dx', value: '1,2' })).toBe('dx-pointer');
    expect(role({ header: 'Dx', value: 'AB' })).toBe('dx-pointer');
    expect(role({ header: 'Dx', value: 'I69.351' })).toBe('dx');
  });

  test('a value that does not fit weakens a label: "Code" over a word is nothing', () => {
    expect(role({ labels: ['Code'], value: 'Self care' })).toBeNull();
    expect(role({ labels: ['CPT'], value: '97535-GO 59' })).toBe('code');
  });

  test('read-only text cells need a fitting value', () => {
    expect(role({ kind: 'text', editable: false, value: '97535 SELF CARE MNGMENT TRAINING' })).toBe('code');
    expect(role({ kind: 'text', editable: false, header: 'Units', value: '2' })).toBe('units');
    expect(role({ kind: 'text', editable: false, header: 'Units', value: 'Paid' })).toBeNull();
    expect(
      role({ kind: 'text', editable: false, header: 'Description', value: 'Therapeutic exercise' }),
    ).toBeNull();
  });

  test('hidden inputs count only when their name says what they hold and they hold something', () => {
    expect(role({ kind: 'hidden', visible: false, name: 'svc[0][cpt]', value: '97110' })).toBe('code');
    expect(role({ kind: 'hidden', visible: false, name: 'svc[0][cpt]', value: '' })).toBeNull();
    expect(role({ kind: 'hidden', visible: false, name: 'token', header: 'CPT', value: '97110' })).toBeNull();
  });
});

describe('hidden by the page', () => {
  test('a field in a hidden template row is not read, unless a mapping names it', () => {
    expect(role({ labels: ['Units'], value: '2', visible: false })).toBeNull();
    expect(role({ visible: false, assigned: { role: 'units', source: 'taught' } })).toBe('units');
  });
});

describe('decoys', () => {
  test('search boxes and comboboxes are never read', () => {
    expect(qualifyField(field({ inputType: 'search', labels: ['CPT'], value: '97110' })).decoy).toBe(
      'search box',
    );
    expect(role({ ariaRole: 'combobox', labels: ['CPT'], value: '97110' })).toBeNull();
    expect(role({ labels: ['Find a code'], value: '97110' })).toBeNull();
    expect(role({ hints: ['Search CPT'], value: '97110' })).toBeNull();
  });

  test('fields in a history or lookup section are never read', () => {
    expect(role({ kind: 'text', header: 'CPT', value: '97110', context: 'Claim history' })).toBeNull();
    expect(role({ labels: ['Units'], value: '2', context: 'code-lookup CPT code lookup' })).toBeNull();
    expect(role({ labels: ['Units'], value: '2', context: 'charge-entry' })).toBe('units');
  });

  test('a form that only searches or logs in is a decoy form; a charge form with a lookup button is not', () => {
    const forms = [
      { index: 0, name: '', id: 'charges', context: '' },
      { index: 1, name: '', id: 'codes', context: '' },
      { index: 2, name: '', id: '', context: 'search' },
    ];
    const controls = [
      control({ form: 0, text: 'Look up' }),
      control({ form: 0, text: 'Submit claim' }),
      control({ form: 1, text: 'Search' }),
      control({ form: 2, text: 'Go' }),
    ];
    expect([...findDecoyForms(forms, controls)]).toEqual([1, 2]);
    expect(role({ labels: ['Units'], value: '2', form: 1 })).toBe('units');
    expect(qualifyField(field({ labels: ['Units'], value: '2', form: 1 }), new Set([1])).role).toBeNull();
  });
});

describe('taught and adapter mappings win over heuristics', () => {
  test('an assigned role is kept whatever the label says', () => {
    const q = qualifyField(field({ labels: ['Search'], assigned: { role: 'units', source: 'taught' } }));
    expect(q).toMatchObject({ role: 'units', source: 'taught' });
    expect(qualifyField(field({ assigned: { role: 'code', source: 'adapter' } })).source).toBe('adapter');
  });
});

describe('submit controls', () => {
  const forms = new Set([0]);
  test.each(['Submit', 'Submit claim', 'Post charges', 'Save & submit', 'Sign and submit'])(
    '"%s" submits',
    (text) => {
      expect(isSubmitControl(control({ text, type: 'button' }), forms)).toBe(true);
    },
  );
  test.each(['Search', 'Cancel', 'Save draft', 'Add line', 'Remove', 'Clear', 'Print'])(
    '"%s" does not',
    (text) => {
      expect(isSubmitControl(control({ text }), forms)).toBe(false);
    },
  );
  test('a plain type=submit in the charge form counts; one in another form does not', () => {
    expect(isSubmitControl(control({ text: 'Continue', type: 'submit', form: 0 }), forms)).toBe(true);
    expect(isSubmitControl(control({ text: 'Continue', type: 'submit', form: 1 }), forms)).toBe(false);
    expect(isSubmitControl(control({ text: 'Continue', type: 'button', form: 0 }), forms)).toBe(false);
  });
  test('lines outside any form: a clearly named submit anywhere counts', () => {
    expect(isSubmitControl(control({ text: 'Submit', type: 'button', form: -1 }), new Set([-1]))).toBe(true);
    expect(isSubmitControl(control({ text: 'OK', type: 'submit', form: 3 }), new Set([-1]))).toBe(false);
  });
});
