import { calculatorPlacement } from './calculator.js';
import type { PlacementDescriptor } from './descriptor.js';
import { documentsTabPlacement } from './documents-tab.js';
import { loanTabPlacement } from './loan-tab.js';
import { callScriptPlacement } from '../server/activities/call-script/placement.js';

export type { PlacementBindParams, PlacementDescriptor } from './descriptor.js';
export { toPlacementBind } from './descriptor.js';
export { placementRoutes, type PlacementRouteOptions } from './routes.js';

/** Every placement the app binds, in install order. */
export const placementDescriptors: readonly PlacementDescriptor[] = [
  loanTabPlacement,
  calculatorPlacement,
  callScriptPlacement,
  documentsTabPlacement,
];
