export type { DrawWhen, OverlayHandle } from './mount';
export { HOST_TAG, mountOverlay } from './mount';
export { countBySeverity, findingKey, fixLabel, openErrors } from './summary';
export type { OverlayActions, OverlayModel, ProfileChoice, ProfileSource } from './types';
