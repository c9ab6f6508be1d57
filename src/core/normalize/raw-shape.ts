/** The hand-written claim structure check now lives in one place (claim-shape.ts); this name stays for its callers. */
export { isClaimShape as isCertainlyRawClaim } from '../claim-shape';
