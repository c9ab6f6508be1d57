import type { ControlRecord, FieldRecord } from '../record';

/** A plain field record with neutral defaults, for qualification and grouping tests. */
export function field(over: Partial<FieldRecord> = {}): FieldRecord {
  return {
    index: 0,
    kind: 'input',
    inputType: 'text',
    value: '',
    optionText: '',
    editable: true,
    visible: true,
    name: '',
    id: '',
    labels: [],
    hints: [],
    header: '',
    nearby: '',
    context: '',
    ariaRole: '',
    ancestors: [],
    row: null,
    form: -1,
    ...over,
  };
}

export function control(over: Partial<ControlRecord> = {}): ControlRecord {
  return {
    index: 0,
    text: '',
    type: 'submit',
    form: 0,
    context: '',
    visible: true,
    assigned: false,
    ...over,
  };
}
