import type { SiteAdapter } from './types';

/**
 * TheraChart (a fictional therapy EMR, the shape of several real ones): its daily note puts the
 * billing grid under the note, with its own abbreviations ("Tx", "Ct", "Lnk") that no label
 * heuristic should have to guess. Fixture: test/fixtures/portals/therapy-note.html.
 */
export const THERACHART: SiteAdapter = {
  id: 'therachart',
  name: 'TheraChart daily note',
  match: {
    hosts: ['*.therachart.example', '*'],
    selector: 'meta[name="application-name"][content="TheraChart"]',
  },
  line: '.tc-svc',
  fields: [
    { role: 'code', selector: '.tc-svc [data-tc="tx"]' },
    { role: 'modifier', selector: '.tc-svc [data-tc="mod"]' },
    { role: 'minutes', selector: '.tc-svc [data-tc="mins"]' },
    { role: 'units', selector: '.tc-svc [data-tc="ct"]' },
    { role: 'dx-pointer', selector: '.tc-svc [data-tc="lnk"]' },
    { role: 'dx', selector: '.tc-dx [data-tc="icd"]' },
    { role: 'dos', selector: '#tc-visit-date' },
    { role: 'submit', selector: '#tc-sign-bill' },
  ],
};
