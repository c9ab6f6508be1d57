export { allocateCms } from './cms';
export { countUnits } from './count';
export { minutesRangeFor, unitsForMinutes } from './table';
export type { UnitMethod, UnitsEntry, UnitsLine, UnitsResult, UnitsTie } from './types';
