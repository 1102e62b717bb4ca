import type { Role, User } from '../api/types.ts';

export const isProvider = (role: Role) => role === 'provider_admin' || role === 'provider_engineer';

export const can = {
  seePartners: (u: User) => isProvider(u.role),
  managePartners: (u: User) => u.role === 'provider_admin',
  seeCustomers: (u: User) => u.role !== 'customer_viewer',
  manageCustomers: (u: User) => u.role === 'provider_admin' || u.role === 'partner_admin',
  seeUsers: (u: User) => u.role !== 'customer_viewer',
  manageUsers: (u: User) => u.role === 'provider_admin' || u.role === 'partner_admin',
  manageContracts: (u: User) => u.role === 'provider_admin',
  seeAudit: (u: User) => isProvider(u.role) || u.role === 'partner_admin',
};

/** Where "/" leads for this user. */
export function homePath(user: User): string {
  if (user.role === 'customer_viewer' && user.customerId) return `/customers/${user.customerId}`;
  return '/customers';
}
