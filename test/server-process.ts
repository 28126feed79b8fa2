import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('..', import.meta.url);

export interface StartedServer {
  process: ChildProcess;
  url: string;
}

/** Starts `src/server.ts` as `npm start` would (without the web build) and waits for the URL it prints. */
export function startServer(env: Record<string, string>): Promise<StartedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ process: child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}
