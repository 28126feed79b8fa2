import { Type } from 'typebox';
import { LocaleSchema, literalUnion } from '../../http/schemas.ts';
import { ORGANISATION_KINDS, ROLES } from './model.ts';

export const OrganisationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: literalUnion(ORGANISATION_KINDS),
  country: Type.Union([Type.String(), Type.Null()]),
});

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    displayName: Type.String(),
    role: literalUnion(ROLES),
    locale: Type.Union([LocaleSchema, Type.Null()]),
    organisation: Type.Union([OrganisationSchema, Type.Null()]),
  },
  { $id: 'User' },
);

export const SessionResponse = Type.Object({
  user: Type.Union([Type.Ref('User'), Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Send as X-CSRF-Token on state-changing requests' }),
});

const Email = Type.String({ format: 'email', maxLength: 254 });

export const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    role: literalUnion(['member', 'provider'] as const),
    organisation: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 200 }),
        kind: literalUnion(ORGANISATION_KINDS),
        country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$' })),
      },
      { additionalProperties: false },
    ),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);

export const ProfileBody = Type.Object(
  { locale: Type.Optional(LocaleSchema), displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })) },
  { additionalProperties: false, minProperties: 1 },
);
