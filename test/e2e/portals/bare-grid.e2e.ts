import { portalSuite } from '../support/suite';

// CO with GP (an OT-assistant modifier on a PT line) has no single right answer, so no one-click fix.
portalSuite({ page: 'bare-grid.html', clickSubmit: '#go', deep: true });
