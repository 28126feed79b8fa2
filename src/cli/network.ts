import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { DomainError } from '../errors/domain-error.ts';
import { networkFileError, networkGeoJson, NetworkFileError, readNetworkGeoJson, type NetworkProblem } from '../modules/logistics/network-geojson.ts';
import { loadNetwork, replaceNetwork } from '../modules/logistics/store.ts';
import { CliError, withDatabase } from './runtime.ts';

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * What the command line says when importing the network file `file` (of text `text`) failed: each of the network's
 * problems with its line and field, or the failure itself; always naming the file.
 */
export function importFailure(file: string, text: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof NetworkFileError) return new CliError(`${error.message}\nNothing was imported.`);
  if (error instanceof DomainError && error.code === 'NETWORK_INVALID') {
    return importFailure(file, text, networkFileError(file, text, (error.details ?? []) as NetworkProblem[]));
  }
  return new CliError(`${file} could not be imported: ${error instanceof Error ? error.message : String(error)}\nNothing was imported.`);
}

async function importCommand(file: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CliError(`${file}: no such file`);
  });
  const fail = (error: unknown) => Promise.reject(importFailure(file, text, error));
  let network;
  try {
    network = readNetworkGeoJson(text, file);
  } catch (error) {
    throw importFailure(file, text, error);
  }
  // Told within the work, before the database's domain errors become a sentence without the problems.
  const counts = await withDatabase((db) => db.transaction((tx) => replaceNetwork(tx, network)).catch(fail)).catch(fail);
  console.log(`Imported ${file}: ${counted(counts.nodes, 'node')}, ${counted(counts.links, 'link')} and ${counted(counts.corridors, 'corridor')}. The previous network was replaced.`);
}

async function exportCommand(file: string): Promise<void> {
  const network = await withDatabase((db) => loadNetwork(db));
  await writeFile(file, `${JSON.stringify(networkGeoJson(network), null, 2)}\n`);
  console.log(`Exported ${counted(network.nodes.length, 'node')}, ${counted(network.links.length, 'link')} and ${counted(network.corridors.length, 'corridor')} to ${file}.`);
}

export function networkCommand(): Command {
  const network = new Command('network').description('The logistics network: exchange it as GeoJSON (docs/network.md)');
  network
    .command('import')
    .description('Replace the whole network with the one in a GeoJSON file, in one transaction (all or nothing)')
    .argument('<file>', 'GeoJSON FeatureCollection: nodes as Points, links as LineStrings, corridors and sources beside them')
    .action(importCommand);
  network.command('export').description('Write the whole network to a GeoJSON file').argument('<file>', 'file to write').action(exportCommand);
  return network;
}
