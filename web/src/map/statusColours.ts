import type { Status } from '../api/types.ts';

/** Okabe–Ito colours, distinguishable with the common forms of colour blindness. */
export const STATUS_COLOURS: Record<Status, string> = {
  member: '#0072B2',
  accession_in_progress: '#E69F00',
  observer: '#CC79A7',
  dialogue_partner: '#009E73',
  partner: '#56B4E9',
};

export const NO_STATUS_COLOUR = '#dfe3e8';
