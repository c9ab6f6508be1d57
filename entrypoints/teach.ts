import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startTeachingHere } from '../src/teach/start';

// Injected into a tab's top frame by the popup or the options page (src/teach/inject.ts).
export default defineUnlistedScript(() => startTeachingHere());
