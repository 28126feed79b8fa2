import { modules } from '../modules/index.ts';
import type { Database } from './database.ts';

/** Loads every module's reference data in one transaction; safe to run at every start. */
export async function loadReferenceData(db: Database): Promise<Record<string, Record<string, number>>> {
  return db.transaction(async (tx) => {
    const loaded: Record<string, Record<string, number>> = {};
    for (const module of modules) {
      if (module.loadReference) loaded[module.name] = await module.loadReference(tx);
    }
    return loaded;
  });
}
