import { createBruteForcePlanner } from './brute-force.ts';
import { describePlannerConformance } from './conformance.ts';

describePlannerConformance('brute force', createBruteForcePlanner);
