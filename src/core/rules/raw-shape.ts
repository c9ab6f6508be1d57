/** The hand-written claim structure check now lives in one place (claim-shape.ts); this name stays for its callers. */
export { isClaimShape as isRawClaimShape } from '../claim-shape';
