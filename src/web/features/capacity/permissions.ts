import type { Role, User } from '../../api/types.ts';
import { can, isProvider } from '../../app/permissions.ts';

/** Partner support provisions users and devices; the provider may correct counts (capacity.service.ts). */
const PROVISIONERS: readonly Role[] = [
  'partner_admin',
  'partner_engineer',
  'provider_admin',
  'provider_engineer',
];

export const capacityCan = {
  /** Report provisioned counts, ask for an expansion, withdraw one. */
  provision: (u: User) => PROVISIONERS.includes(u.role),
  /** Record the activation entitlements; plan and complete expansions. */
  manage: (u: User) => isProvider(u.role),
  /** Open the support case an expansion must cite. */
  openCase: (u: User) => can.openCases(u),
};
