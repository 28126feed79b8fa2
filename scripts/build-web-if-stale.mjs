import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const webRoot = join(repoRoot, 'web');
const configFile = join(webRoot, 'vite.config.ts');
const builtIndex = join(webRoot, 'dist', 'index.html');
// Everything the bundle is made from; the catalogues live under web/src/i18n/locales.
const sources = [join(webRoot, 'src'), join(webRoot, 'index.html'), configFile, join(webRoot, 'public')];

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** Why the built web app must be rebuilt, or null when web/dist is newer than every source. */
export function staleReason() {
  if (!existsSync(builtIndex)) return 'web/dist/index.html is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  const changedAt = Math.max(...sources.map(newestModification));
  return changedAt > builtAt ? 'sources changed since the last build' : null;
}

/** Builds web/ into web/dist with Vite when the build is missing or older than its sources; returns whether it built. */
export async function buildWebIfStale() {
  const reason = staleReason();
  if (reason === null) {
    console.log('Web app is up to date (web/dist).');
    return false;
  }
  const started = Date.now();
  // Vite is a dev dependency: load it only when a build is due, so an installation with a prebuilt web/dist starts without it.
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn' });
  console.log(`Built the web app into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason}).`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildWebIfStale();
  } catch (error) {
    console.error(`Could not build the web app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
