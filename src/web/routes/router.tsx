import { Anchor, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Link,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from '../app/AppLayout.tsx';
import { can, homePath } from '../app/permissions.ts';
import { sessionQuery } from '../app/session.ts';
import { ErrorState } from '../components/states.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { type BackupSearch, parseBackupSearch } from '../features/backups/search.ts';
import { type CalendarSearch, parseCalendarSearch } from '../features/calendar/search.ts';
import { type CapacitySearch, parseCapacitySearch } from '../features/capacity/search.ts';
import { type CertificateSearch, parseCertificateSearch } from '../features/certificates/search.ts';
import { type ChangeRequestSearch, parseChangeRequestSearch } from '../features/change-requests/search.ts';
import { type ChangeTaskSearch, parseChangeTaskSearch } from '../features/change-tasks/search.ts';
import {
  type ChangeSearch,
  parseChangeSearch,
  parseRescheduleSearch,
  type RescheduleSearch,
} from '../features/changes/search.ts';
import { type CopSearch, parseCopSearch } from '../features/cop-files/search.ts';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage.tsx';
import { CustomersPage } from '../features/customers/CustomersPage.tsx';
import { type DrSearch, parseDrSearch } from '../features/disaster-recovery/search.ts';
import {
  type ComplianceSearch,
  type InventorySearch,
  parseComplianceSearch,
  parseInventorySearch,
} from '../features/inventory/search.ts';
import { parseResponsibilitySearch, type ResponsibilitySearch } from '../features/responsibilities/types.ts';

interface RouterContext {
  queryClient: QueryClient;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Center py={64}>
      <Stack align="center" gap="xs">
        <Title order={1} fz={28}>
          {t('states.pageNotFound')}
        </Title>
        <Text c="dimmed">{t('states.pageNotFoundHint')}</Text>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
      </Stack>
    </Center>
  );
}

function PendingPage() {
  return (
    <Center py={64}>
      <Loader aria-label="Loading" />
    </Center>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: ({ error }) => <ErrorState error={error} />,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ to: homePath(session.user) });
  },
  component: SignInPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) {
      throw redirect({
        to: '/sign-in',
        search: location.href === '/' ? {} : { redirect: location.href },
      });
    }
    return { user: session.user };
  },
  component: AppLayout,
  notFoundComponent: NotFound,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homePath(context.user) });
  },
});

const customersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers',
  component: CustomersPage,
});
const customerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId',
  component: CustomerDetailPage,
});
const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners',
  component: lazyRouteComponent(() => import('../features/partners/PartnersPage.tsx')),
});
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: (search: Record<string, unknown>): { partnerId?: string } =>
    typeof search.partnerId === 'string' ? { partnerId: search.partnerId } : {},
  component: lazyRouteComponent(() => import('../features/users/UsersPage.tsx')),
});
const contractsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contracts',
  component: lazyRouteComponent(() => import('../features/contracts/ContractsPage.tsx')),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('../features/audit/AuditPage.tsx')),
});
const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('../features/profile/ProfilePage.tsx')),
});

const outagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outages',
  component: lazyRouteComponent(() => import('../features/outages/OutagesPage.tsx')),
});
const outageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outages/$outageId',
  component: lazyRouteComponent(() => import('../features/outages/OutageDetailPage.tsx')),
});
const networkActivitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/network-activities',
  component: lazyRouteComponent(() => import('../features/outages/NetworkActivitiesPage.tsx')),
});
const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  component: lazyRouteComponent(() => import('../features/cases/CasesPage.tsx')),
});
const newCaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/new',
  beforeLoad: ({ context }) => {
    if (!can.openCases(context.user)) throw redirect({ to: '/cases' });
  },
  component: lazyRouteComponent(() => import('../features/cases/NewCasePage.tsx')),
});
const triageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/triage',
  component: lazyRouteComponent(() => import('../features/cases/TriagePage.tsx')),
});
const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('../features/cases/CaseDetailPage.tsx')),
});
const attainmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/attainment',
  beforeLoad: ({ context }) => {
    if (!can.seeAttainment(context.user)) throw redirect({ to: '/cases' });
  },
  component: lazyRouteComponent(() => import('../features/cases/AttainmentPage.tsx')),
});
const subscriptionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/subscriptions',
  component: lazyRouteComponent(() => import('../features/notifications/SubscriptionsPage.tsx')),
});
const deliveriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deliveries',
  validateSearch: (search: Record<string, unknown>): { subscriptionId?: string } =>
    typeof search.subscriptionId === 'string' ? { subscriptionId: search.subscriptionId } : {},
  component: lazyRouteComponent(() => import('../features/notifications/DeliveriesPage.tsx')),
});
const mailboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mailbox',
  component: lazyRouteComponent(() => import('../features/notifications/MailboxPage.tsx')),
});
const responsibilitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/responsibilities',
  validateSearch: (search: Record<string, unknown>): ResponsibilitySearch =>
    parseResponsibilitySearch(search),
  component: lazyRouteComponent(() => import('../features/responsibilities/ResponsibilitiesPage.tsx')),
});

const inventoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory',
  validateSearch: (search: Record<string, unknown>): InventorySearch => parseInventorySearch(search),
  component: lazyRouteComponent(() => import('../features/inventory/InventoryPage.tsx')),
});
const complianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/compliance',
  validateSearch: (search: Record<string, unknown>): ComplianceSearch => parseComplianceSearch(search),
  beforeLoad: ({ context }) => {
    if (!can.seeCompliance(context.user)) throw redirect({ to: '/inventory' });
  },
  component: lazyRouteComponent(() => import('../features/inventory/CompliancePage.tsx')),
});
const releasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/releases',
  component: lazyRouteComponent(() => import('../features/inventory/ReleasesPage.tsx')),
});
const certificatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/certificates',
  validateSearch: (search: Record<string, unknown>): CertificateSearch => parseCertificateSearch(search),
  component: lazyRouteComponent(() => import('../features/certificates/CertificatesPage.tsx')),
});
const capacityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/capacity',
  validateSearch: (search: Record<string, unknown>): CapacitySearch => parseCapacitySearch(search),
  component: lazyRouteComponent(() => import('../features/capacity/CapacityPage.tsx')),
});
const capacityCustomerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/capacity/$customerId',
  component: lazyRouteComponent(() => import('../features/capacity/CapacityDetailPage.tsx')),
});
// Provider only: the page itself explains to anyone else why there is nothing for them.
const backupsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/backups',
  validateSearch: (search: Record<string, unknown>): BackupSearch => parseBackupSearch(search),
  component: lazyRouteComponent(() => import('../features/backups/BackupsPage.tsx')),
});
const copRequestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/cop-requests',
  validateSearch: (search: Record<string, unknown>): CopSearch => parseCopSearch(search),
  component: lazyRouteComponent(() => import('../features/cop-files/CopRequestsPage.tsx')),
});
const copRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/cop-requests/$requestId',
  component: lazyRouteComponent(() => import('../features/cop-files/CopRequestDetailPage.tsx')),
});
const disasterRecoveryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/disaster-recovery',
  validateSearch: (search: Record<string, unknown>): DrSearch => parseDrSearch(search),
  component: lazyRouteComponent(() => import('../features/disaster-recovery/DisasterRecoveryPage.tsx')),
});
const drEventRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/disaster-recovery/$eventId',
  component: lazyRouteComponent(() => import('../features/disaster-recovery/DrEventDetailPage.tsx')),
});
const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/campaigns/$campaignId',
  component: lazyRouteComponent(() => import('../features/inventory/CampaignPage.tsx')),
});
const applicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/$applicationId',
  component: lazyRouteComponent(() => import('../features/inventory/ApplicationDetailPage.tsx')),
});
const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar',
  validateSearch: (search: Record<string, unknown>): CalendarSearch => parseCalendarSearch(search),
  component: lazyRouteComponent(() => import('../features/calendar/CalendarPage.tsx')),
});
const changeRequestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change-requests',
  validateSearch: (search: Record<string, unknown>): ChangeRequestSearch => parseChangeRequestSearch(search),
  component: lazyRouteComponent(() => import('../features/change-requests/ChangeRequestsPage.tsx')),
});
const changeRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change-requests/$requestId',
  component: lazyRouteComponent(() => import('../features/change-requests/ChangeRequestDetailPage.tsx')),
});
const changeTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/change-tasks',
  validateSearch: (search: Record<string, unknown>): ChangeTaskSearch => parseChangeTaskSearch(search),
  component: lazyRouteComponent(() => import('../features/change-tasks/ChangeTasksPage.tsx')),
});
const calendarFeedsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar-feeds',
  component: lazyRouteComponent(() => import('../features/calendar-feeds/CalendarFeedsPage.tsx')),
});

const changesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/changes',
  validateSearch: (search: Record<string, unknown>): ChangeSearch => parseChangeSearch(search),
  component: lazyRouteComponent(() => import('../features/changes/ChangesPage.tsx')),
});
const newChangeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/changes/new',
  beforeLoad: ({ context }) => {
    if (!can.manageChanges(context.user)) throw redirect({ to: '/changes' });
  },
  component: lazyRouteComponent(() => import('../features/changes/NewChangePage.tsx')),
});
const changeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/changes/$changeId',
  component: lazyRouteComponent(() => import('../features/changes/ChangeDetailPage.tsx')),
});
const rescheduleRequestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reschedule-requests',
  validateSearch: (search: Record<string, unknown>): RescheduleSearch => parseRescheduleSearch(search),
  component: lazyRouteComponent(() => import('../features/changes/RescheduleRequestsPage.tsx')),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    customersRoute,
    customerRoute,
    partnersRoute,
    usersRoute,
    contractsRoute,
    casesRoute,
    newCaseRoute,
    triageRoute,
    caseRoute,
    attainmentRoute,
    auditRoute,
    profileRoute,
    outagesRoute,
    outageRoute,
    networkActivitiesRoute,
    subscriptionsRoute,
    deliveriesRoute,
    mailboxRoute,
    responsibilitiesRoute,
    inventoryRoute,
    complianceRoute,
    releasesRoute,
    certificatesRoute,
    capacityRoute,
    capacityCustomerRoute,
    backupsRoute,
    copRequestsRoute,
    copRequestRoute,
    disasterRecoveryRoute,
    drEventRoute,
    campaignRoute,
    applicationRoute,
    changesRoute,
    newChangeRoute,
    changeRoute,
    rescheduleRequestsRoute,
    calendarRoute,
    changeRequestsRoute,
    changeRequestRoute,
    changeTasksRoute,
    calendarFeedsRoute,
  ]),
]);

export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PendingPage,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
