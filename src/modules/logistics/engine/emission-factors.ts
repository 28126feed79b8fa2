import type { Mode } from './types.ts';

/**
 * Default CO2 intensity per mode, in grams per tonne-kilometre, used when a link carries no figure of its own.
 * Well-to-wheel figures differ by source, so each default names where it was read.
 */
export const CO2_GRAMS_PER_TONNE_KM: Readonly<Record<Mode, number>> = {
  // KiM / CE Delft 2014, in European Transport Research Review 2019, table 9.
  road: 90.3,
  // Same source, assuming 80 % electric traction; electric rail varies more than tenfold with the power grid.
  rail: 11.3,
  // Same source, table 9.
  inland_water: 38.6,
  // Estimate: container shipping sits between DEFRA 2007's large bulk carrier (7 g/tkm) and large RoRo (20 g/tkm),
  // cited in UK Hansard; no sourced container-ship figure is used yet.
  sea: 16,
};

/**
 * CO2 of handling a container at a node (crane lifts, yard moves), in kilograms per container. Zero until a sourced
 * figure is chosen: ISO 14083 counts hub emissions, but they are small beside the moving legs.
 */
export const HANDLING_CO2_KG_PER_CONTAINER = 0;

/** Cargo weight when a query gives none: 10 t in a 20' container and 20 t in a 40' one. */
export const DEFAULT_TONNES_PER_CONTAINER = { 20: 10, 40: 20 } as const;
