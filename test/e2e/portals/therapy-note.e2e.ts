import { portalSuite } from '../support/suite';

// Read through the built-in TheraChart site adapter; 97112 takes GO from the rest of the OT note.
portalSuite({
  page: 'therapy-note.html',
  fix: {
    rule: 'modifier/discipline-missing',
    field: '[data-cg-role="modifier"][data-cg-line="2"]',
    value: 'GO',
  },
});
