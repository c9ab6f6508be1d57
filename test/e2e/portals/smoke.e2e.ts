import { portalSuite } from '../support/suite';

portalSuite({
  page: 'smoke.html',
  // 97535 alone does not say which discipline it was, so the core offers no one-click fix here.
  submit: 'button[type=submit]',
});
