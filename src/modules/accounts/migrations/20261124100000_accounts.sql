CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('enterprise', 'agency', 'logistics', 'legal', 'financial')),
  country_iso3 char(3),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member', 'provider')),
  organisation_id uuid REFERENCES organisations (id),
  locale text CHECK (locale IN ('zh-Hans', 'zh-Hant', 'ru', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- members and providers act for an organisation; admins run the platform
  CHECK (role = 'admin' OR organisation_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- The session token itself is never stored, only its SHA-256, so a leaked table grants no logins.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Failed logins are counted in the database so the limit holds across every server instance.
CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_time ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_ip_time ON login_attempts (ip, attempted_at);
