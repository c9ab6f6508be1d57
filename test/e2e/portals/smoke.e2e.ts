import { portalSuite } from '../support/suite';

// 97535 alone does not say which discipline it was, so the core offers no one-click fix here.
portalSuite({ page: 'smoke.html' });
