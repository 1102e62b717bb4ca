import { Type } from 'typebox';
import { PageQuery, pageSchema } from '../../http/pagination.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.ts';

const Uuid = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Instant = Type.String({ format: 'date-time' });
export const RegionSchema = Type.Union([
  Type.Literal('AMER'),
  Type.Literal('APJC'),
  Type.Literal('AUS'),
  Type.Literal('EMEA'),
]);
export const RoleSchema = Type.Union([
  Type.Literal('provider_admin'),
  Type.Literal('provider_engineer'),
  Type.Literal('partner_admin'),
  Type.Literal('partner_engineer'),
  Type.Literal('customer_viewer'),
]);
export const LocaleSchema = Type.Union([Type.Literal('en'), Type.Literal('es')]);
export const TimeZoneSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$' });
export const PasswordSchema = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });
const Email = Type.String({ format: 'email', maxLength: 254 });
const DateOnly = Type.String({ format: 'date' });

export const IdParams = Type.Object({ id: Uuid });
const ActiveFilter = Type.Optional(Type.Boolean());
const Search = Type.Optional(Type.String({ minLength: 1, maxLength: 100 }));

export const Partner = Type.Object({
  id: Uuid,
  name: Type.String(),
  active: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const CreatePartnerBody = Type.Object({ name: Name }, { additionalProperties: false });
export const UpdatePartnerBody = Type.Object({ name: Type.Optional(Name) }, { additionalProperties: false });
export const PartnerQuery = Type.Object(
  { q: Search, active: ActiveFilter, ...PageQuery },
  { additionalProperties: false },
);

export const Customer = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  name: Type.String(),
  region: RegionSchema,
  active: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const CreateCustomerBody = Type.Object(
  { name: Name, region: RegionSchema },
  { additionalProperties: false },
);
export const UpdateCustomerBody = Type.Object(
  { name: Type.Optional(Name), region: Type.Optional(RegionSchema) },
  { additionalProperties: false },
);
export const CustomerQuery = Type.Object(
  {
    q: Search,
    partnerId: Type.Optional(Uuid),
    region: Type.Optional(RegionSchema),
    active: ActiveFilter,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  partnerId: Type.Union([Uuid, Type.Null()]),
  customerId: Type.Union([Uuid, Type.Null()]),
  locale: LocaleSchema,
  timeZone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
  lastLoginAt: Type.Union([Instant, Type.Null()]),
});
export const CreateUserBody = Type.Object(
  {
    email: Email,
    name: Name,
    password: PasswordSchema,
    role: RoleSchema,
    partnerId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(TimeZoneSchema),
  },
  { additionalProperties: false },
);
export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Name),
    role: Type.Optional(RoleSchema),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(Type.Union([TimeZoneSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export const UserQuery = Type.Object(
  {
    q: Search,
    role: Type.Optional(RoleSchema),
    partnerId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    active: ActiveFilter,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const Contract = Type.Object({
  id: Uuid,
  partnerId: Uuid,
  customerId: Uuid,
  /** The customer's name; empty when the viewer cannot read that customer. */
  customerName: Type.String(),
  number: Type.String(),
  startsOn: DateOnly,
  endsOn: DateOnly,
  active: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const CreateContractBody = Type.Object(
  {
    customerId: Uuid,
    number: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$' }),
    startsOn: DateOnly,
    endsOn: DateOnly,
  },
  { additionalProperties: false },
);
export const UpdateContractBody = Type.Object(
  { startsOn: Type.Optional(DateOnly), endsOn: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export const ContractQuery = Type.Object(
  {
    q: Search,
    customerId: Type.Optional(Uuid),
    partnerId: Type.Optional(Uuid),
    activeOn: Type.Optional(DateOnly),
    active: ActiveFilter,
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const PartnerPage = pageSchema(Partner);
export const CustomerPage = pageSchema(Customer);
export const UserPage = pageSchema(User);
export const ContractPage = pageSchema(Contract);
