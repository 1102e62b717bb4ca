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
  // Outages: everyone reads those affecting them; the provider declares, updates and resolves.
  seeOutages: (_u: User) => true,
  declareOutages: (u: User) => isProvider(u.role),
  // Network activity: partners announce work in their own networks; the provider reads it.
  seeNetworkActivity: (u: User) => u.role !== 'customer_viewer',
  declareNetworkActivity: (u: User) => u.role === 'partner_admin' || u.role === 'partner_engineer',
  // Notifications: engineers read, admins manage; customer viewers have no contact list.
  seeSubscriptions: (u: User) => u.role !== 'customer_viewer',
  manageSubscriptions: (u: User) => u.role === 'provider_admin' || u.role === 'partner_admin',
  seeDeliveries: (u: User) => u.role !== 'customer_viewer',
  retryDeliveries: (u: User) => u.role === 'provider_admin' || u.role === 'partner_admin',
  seeMailbox: (u: User) => u.role !== 'customer_viewer',
  // Support cases: everyone reads those in scope (customer viewers read-only); partner support opens them.
  seeCases: (_u: User) => true,
  openCases: (u: User) => u.role === 'partner_admin' || u.role === 'partner_engineer',
  seeAttainment: (u: User) => u.role !== 'customer_viewer',
  // Inventory: everyone reads the instances in scope; the provider keeps them (admins import, delete
  // and publish releases); the compliance report is for the provider and partners.
  seeInventory: (_u: User) => true,
  manageInventory: (u: User) => isProvider(u.role),
  importApplications: (u: User) => u.role === 'provider_admin',
  deleteApplications: (u: User) => u.role === 'provider_admin',
  seeCompliance: (u: User) => u.role !== 'customer_viewer',
  seeReleases: (_u: User) => true,
  publishReleases: (u: User) => u.role === 'provider_admin',
  // Disaster recovery: everyone reads the events in scope; only the provider (which runs DRS)
  // declares them and posts updates.
  seeDisasterRecovery: (_u: User) => true,
  declareDrEvents: (u: User) => isProvider(u.role),
  // COP file service requests: whoever sees the inventory reads them; partners (or the provider for
  // them) ask, the provider uploads to SFTP or turns down, the partner marks installed, either withdraws.
  seeCopRequests: (_u: User) => true,
  requestCopFiles: (u: User) => u.role !== 'customer_viewer',
  recordCopUploads: (u: User) => isProvider(u.role),
  markCopInstalled: (u: User) => u.role === 'partner_admin' || u.role === 'partner_engineer',
  withdrawCopRequests: (u: User) => u.role !== 'customer_viewer',
  // Changes: everyone reads those in scope (customer viewers read-only); the provider plans and
  // runs them; partner support asks to move one, and the provider grants or declines.
  seeChanges: (_u: User) => true,
  manageChanges: (u: User) => isProvider(u.role),
  askReschedule: (u: User) => u.role === 'partner_admin' || u.role === 'partner_engineer',
  seeRescheduleRequests: (u: User) => u.role !== 'customer_viewer',
  seeChangeCalendar: (_u: User) => true,
  seeChangeRequests: (u: User) => u.role !== 'customer_viewer',
  seeChangeTasks: (u: User) => u.role !== 'customer_viewer',
  // Private iCalendar feeds: every role, a customer viewer for its own customer only.
  seeCalendarFeeds: (_u: User) => true,
  // Partner-requested changes: partner support files them and both sides comment; the provider
  // reviews, decides and schedules. Follow-up tasks are ticked by partner support only.
  requestChanges: (u: User) => u.role === 'partner_admin' || u.role === 'partner_engineer',
  commentChangeRequests: (u: User) => u.role !== 'customer_viewer',
  reviewChangeRequests: (u: User) => isProvider(u.role),
  completeChangeTasks: (u: User) => u.role === 'partner_admin' || u.role === 'partner_engineer',
  /** Contact hygiene of the user's own partner (provider users look at one partner at a time). */
  seeOwnContactHealth: (u: User) =>
    (u.role === 'partner_admin' || u.role === 'partner_engineer') && u.partnerId !== null,
};

/** Where "/" leads for this user. */
export function homePath(user: User): string {
  if (user.role === 'customer_viewer' && user.customerId) return `/customers/${user.customerId}`;
  return '/customers';
}
