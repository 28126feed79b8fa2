import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import type { App } from '../src/http/app-types.ts';
import type { Role } from '../src/modules/accounts/model.ts';
import { createAdmin, registerUser } from '../src/modules/accounts/users.ts';

/** The API as a test client sees it: no web app, no logger. */
export function buildTestApp(db: Database): Promise<App> {
  return buildApp({ db, webDist: '/nonexistent' });
}

export interface Client {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

let counter = 0;

/** Creates a user of the given role (factories in the manner of `buildUser()`) and logs it in. */
export async function loggedIn(app: App, db: Database, role: Role): Promise<Client & { email: string }> {
  counter += 1;
  const email = `${role}${counter}-${Date.now()}@example.org`;
  const password = 'a long enough password';
  if (role === 'admin') await createAdmin(db, { email, password, displayName: `Admin ${counter}` });
  else
    await db.transaction((tx) =>
      registerUser(tx, {
        email,
        password,
        displayName: `${role} ${counter}`,
        role,
        organisation: role === 'member' ? { name: 'Qingdao Trading Co.', kind: 'enterprise', country: 'CHN' } : { name: 'Eurasia Rail Forwarding', kind: 'logistics', country: 'KAZ' },
      }),
    );
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  return { email, ...clientFrom(response) };
}

export function clientFrom(response: LightMyRequestResponse): Client {
  const setCookie = response.cookies.find((c) => c.name === 'scohub_session');
  if (!setCookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  const cookie = `scohub_session=${setCookie.value}`;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export function errorCode(response: LightMyRequestResponse): string | undefined {
  return response.json<{ error?: { code?: string } }>().error?.code;
}

/** A file part, or a plain text field when it has no file name. */
export interface Part {
  field: string;
  filename?: string;
  content: string;
}

/** The bytes and content type of a multipart/form-data body, boundary included. */
export async function multipart(parts: readonly Part[]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const part of parts) {
    if (part.filename === undefined) form.append(part.field, part.content);
    else form.append(part.field, new Blob([part.content], { type: 'text/csv' }), part.filename);
  }
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type');
  if (!contentType?.startsWith('multipart/form-data; boundary=')) throw new Error(`unexpected content type ${contentType}`);
  return { payload: Buffer.from(await encoded.arrayBuffer()), contentType };
}
