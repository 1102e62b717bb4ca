import { sql } from 'kysely';
import type { Scope, Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Role } from '../../db/schema.ts';
import { requireRole } from '../../http/authenticate.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { byName, likePattern, namePage } from '../../http/pagination.ts';
import { recordAudit, updateAction } from '../audit/audit.service.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { getCustomerRow } from './customers.service.ts';
import { presentUser, type UserRow } from './directory.presenter.ts';
import { getPartnerRow } from './partners.service.ts';

const PARTNER_SIDE_ROLES: readonly Role[] = ['partner_admin', 'partner_engineer', 'customer_viewer'];
const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'partner_id',
  'customer_id',
  'locale',
  'time_zone',
  'active',
  'created_at',
  'updated_at',
  'last_login_at',
] as const;

export interface UserFilter {
  q?: string;
  role?: Role;
  partnerId?: string;
  customerId?: string;
  active?: boolean;
  limit?: number;
  cursor?: string;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkTimeZone(zone: string | null | undefined): void {
  if (zone && !isValidTimeZone(zone)) {
    throw unprocessable([
      { code: 'time_zone_unknown', path: 'timeZone', message: `"${zone}" is not an IANA time zone` },
    ]);
  }
}

function usersInScope(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('users')
    .select(USER_COLUMNS)
    .$if(scope.kind === 'partner', (qb) => qb.where('partner_id', '=', scope.partnerId ?? ''))
    .$if(scope.kind === 'customer', (qb) => qb.where('id', '=', scope.userId ?? ''));
}

export async function getUserRow(tx: Tx, scope: Scope, id: string): Promise<UserRow> {
  const row = await usersInScope(tx, scope).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('user');
  return row;
}

export async function getUser(tx: Tx, scope: Scope, id: string) {
  return presentUser(await getUserRow(tx, scope, id));
}

export async function listUsers(tx: Tx, scope: Scope, filter: UserFilter) {
  const rows = await usersInScope(tx, scope)
    .$if(filter.role !== undefined, (qb) => qb.where('role', '=', filter.role ?? 'provider_admin'))
    .$if(filter.partnerId !== undefined, (qb) => qb.where('partner_id', '=', filter.partnerId ?? ''))
    .$if(filter.customerId !== undefined, (qb) => qb.where('customer_id', '=', filter.customerId ?? ''))
    .$if(filter.active !== undefined, (qb) => qb.where('active', '=', filter.active ?? true))
    .$if(filter.q !== undefined, (qb) =>
      qb.where(sql<boolean>`(name || ' ' || email) ilike ${likePattern(filter.q ?? '')}`),
    )
    .$call(byName(filter))
    .execute();
  const page = namePage(rows, filter);
  return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
}

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  partnerId?: string;
  customerId?: string;
  locale?: 'en' | 'es';
  timeZone?: string;
}

/** Works out the partner and customer a new user belongs to, checking the caller may put them there. */
async function placementFor(tx: Tx, scope: Scope, input: CreateUserInput) {
  if (input.role.startsWith('provider_')) {
    if (scope.kind !== 'provider' && scope.kind !== 'system')
      throw forbidden('Only the provider can create provider users.');
    const extra = [input.partnerId && 'partnerId', input.customerId && 'customerId'].filter(
      Boolean,
    ) as string[];
    if (extra.length > 0) {
      throw unprocessable(
        extra.map((path) => ({
          code: 'not_allowed_for_role',
          path,
          message: `${path} must be empty for provider roles`,
        })),
      );
    }
    return { partnerId: null, customerId: null };
  }
  if (input.role === 'customer_viewer') {
    if (!input.customerId) {
      throw unprocessable([
        { code: 'required', path: 'customerId', message: 'customerId is required for customer_viewer' },
      ]);
    }
    const customer = await getCustomerRow(tx, scope, input.customerId);
    if (input.partnerId && input.partnerId !== customer.partner_id) {
      throw unprocessable([
        {
          code: 'customer_not_of_partner',
          path: 'customerId',
          message: 'the customer does not belong to partnerId',
        },
      ]);
    }
    return { partnerId: customer.partner_id, customerId: customer.id };
  }
  if (input.customerId) {
    throw unprocessable([
      {
        code: 'not_allowed_for_role',
        path: 'customerId',
        message: 'customerId is only for customer_viewer users',
      },
    ]);
  }
  const partnerId = input.partnerId ?? (scope.kind === 'partner' ? scope.partnerId : null);
  if (!partnerId) {
    throw unprocessable([
      { code: 'required', path: 'partnerId', message: 'partnerId is required for partner roles' },
    ]);
  }
  const partner = await getPartnerRow(tx, scope, partnerId);
  return { partnerId: partner.id, customerId: null };
}

export async function createUser(tx: Tx, scope: Scope, input: CreateUserInput) {
  requireRole(scope, ['provider_admin', 'partner_admin']);
  if (scope.kind === 'partner' && !PARTNER_SIDE_ROLES.includes(input.role)) {
    throw forbidden('Partner admins can create partner and customer users only.');
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw unprocessable([
      {
        code: 'minLength',
        path: 'password',
        message: `password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      },
    ]);
  }
  checkTimeZone(input.timeZone);
  const placement = await placementFor(tx, scope, input);
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await tx
      .insertInto('users')
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        password_hash: passwordHash,
        role: input.role,
        partner_id: placement.partnerId,
        customer_id: placement.customerId,
        locale: input.locale ?? 'en',
        time_zone: input.timeZone ?? null,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    const user = presentUser(row);
    await recordAudit(tx, scope, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      partnerId: row.partner_id,
      customerId: row.customer_id,
      after: user,
    });
    return user;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw conflict('email_taken', 'A user with this e-mail already exists.', 'email');
    }
    throw error;
  }
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  locale?: 'en' | 'es';
  timeZone?: string | null;
  active?: boolean;
}

function roleChangeAllowed(scope: Scope, target: UserRow, role: Role): void {
  if (role === target.role) return;
  if (target.id === scope.userId)
    throw conflict('cannot_change_own_role', 'You cannot change your own role.', 'role');
  const fromProvider = target.role.startsWith('provider_');
  const toProvider = role.startsWith('provider_');
  if (fromProvider !== toProvider || (role === 'customer_viewer') !== (target.role === 'customer_viewer')) {
    throw unprocessable([
      {
        code: 'role_change_not_allowed',
        path: 'role',
        message: 'a role can change only within the same side (provider, partner); create a new user instead',
      },
    ]);
  }
}

/** Provider admins manage everyone; partner admins their partner's users; anyone their own profile. */
export async function updateUser(tx: Tx, scope: Scope, id: string, input: UpdateUserInput) {
  const before = await getUserRow(tx, scope, id);
  const self = before.id === scope.userId;
  const admin =
    scope.role === 'provider_admin' ||
    (scope.role === 'partner_admin' && before.partner_id === scope.partnerId);
  if (!admin && !(self && input.role === undefined && input.active === undefined)) throw forbidden();
  if (input.role !== undefined) roleChangeAllowed(scope, before, input.role);
  if (input.active === false && self) {
    throw conflict('cannot_deactivate_self', 'You cannot deactivate your own account.');
  }
  checkTimeZone(input.timeZone);
  const row = await tx
    .updateTable('users')
    .set({
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  const user = presentUser(row);
  const action = updateAction('user', input.active);
  await recordAudit(tx, scope, {
    action,
    entityType: 'user',
    entityId: id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    before: presentUser(before),
    after: user,
  });
  return user;
}
