import { Type } from 'typebox';
import { LocaleSchema, PasswordSchema, TimeZoneSchema, User } from '../directory/directory.schemas.ts';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const LoginResponse = Type.Object({
  token: Type.String(),
  csrfToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: User,
});
export const MeResponse = Type.Object({ user: User, csrfToken: Type.Union([Type.String(), Type.Null()]) });
export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(Type.Union([TimeZoneSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: PasswordSchema },
  { additionalProperties: false },
);
export const ApiToken = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String(),
  readOnly: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const CreatedApiToken = Type.Object({ token: Type.String(), apiToken: ApiToken });
export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    readOnly: Type.Optional(Type.Boolean()),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
