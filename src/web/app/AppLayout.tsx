import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client.ts';
import type { Locale, User } from '../api/types.ts';
import {
  IconBell,
  IconBolt,
  IconBuilding,
  IconChart,
  IconChevronDown,
  IconFile,
  IconHandshake,
  IconHistory,
  IconLifebuoy,
  IconLogout,
  IconMail,
  IconNetwork,
  IconSend,
  IconUser,
  IconUsers,
} from '../components/icons.tsx';
import { IconBackup } from '../features/backups/icons.tsx';
import { IconGauge } from '../features/capacity/icons.tsx';
import { IconCertificate } from '../features/certificates/icons.tsx';
import { IconCopFile } from '../features/cop-files/icons.tsx';
import { IconDisasterRecovery } from '../features/disaster-recovery/icons.tsx';
import { IconBars, IconServers, IconTag } from '../features/inventory/icons.tsx';
import { ContactHealthShellAlert } from '../features/notifications/ContactHealthAlert.tsx';
import { hasContactProblems, useContactHealth } from '../features/notifications/queries.ts';
import { OpenOutagesBanner } from '../features/outages/OpenOutagesBanner.tsx';
import { IconMatrix } from '../features/responsibilities/IconMatrix.tsx';
import { can, isProvider } from './permissions.ts';
import { sessionQuery, useCurrentUser, useLocale, useSetLocale } from './session.ts';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

export function navItems(user: User, t: (key: string) => string): NavItem[] {
  const items: NavItem[] = [];
  if (user.role === 'customer_viewer' && user.customerId) {
    items.push({ to: `/customers/${user.customerId}`, label: t('nav.myCustomer'), icon: <IconBuilding /> });
  }
  if (can.seeCustomers(user))
    items.push({ to: '/customers', label: t('nav.customers'), icon: <IconBuilding /> });
  if (can.seePartners(user))
    items.push({ to: '/partners', label: t('nav.partners'), icon: <IconHandshake /> });
  if (can.seeUsers(user)) items.push({ to: '/users', label: t('nav.users'), icon: <IconUsers /> });
  items.push({ to: '/contracts', label: t('nav.contracts'), icon: <IconFile /> });
  if (can.seeInventory(user))
    items.push({ to: '/inventory', label: t('nav.inventory'), icon: <IconServers /> });
  if (can.seeCompliance(user))
    items.push({ to: '/inventory/compliance', label: t('nav.versionCompliance'), icon: <IconBars /> });
  if (can.seeReleases(user))
    items.push({ to: '/inventory/releases', label: t('nav.releases'), icon: <IconTag /> });
  if (can.seeInventory(user))
    items.push({ to: '/inventory/certificates', label: t('nav.certificates'), icon: <IconCertificate /> });
  if (can.seeInventory(user))
    items.push({ to: '/inventory/capacity', label: t('nav.capacity'), icon: <IconGauge /> });
  // Backups are the provider's alone (partners and customers have no access).
  if (isProvider(user.role))
    items.push({ to: '/inventory/backups', label: t('nav.backups'), icon: <IconBackup /> });
  if (can.seeCopRequests(user))
    items.push({ to: '/inventory/cop-requests', label: t('nav.copFiles'), icon: <IconCopFile /> });
  if (can.seeCases(user)) items.push({ to: '/cases', label: t('nav.cases'), icon: <IconLifebuoy /> });
  if (can.seeAttainment(user))
    items.push({ to: '/reports/attainment', label: t('nav.attainment'), icon: <IconChart /> });
  if (can.seeOutages(user)) items.push({ to: '/outages', label: t('nav.outages'), icon: <IconBolt /> });
  if (can.seeDisasterRecovery(user))
    items.push({
      to: '/disaster-recovery',
      label: t('nav.disasterRecovery'),
      icon: <IconDisasterRecovery />,
    });
  if (can.seeNetworkActivity(user))
    items.push({ to: '/network-activities', label: t('nav.networkActivity'), icon: <IconNetwork /> });
  if (can.seeSubscriptions(user))
    items.push({ to: '/subscriptions', label: t('nav.subscriptions'), icon: <IconBell /> });
  if (can.seeDeliveries(user))
    items.push({ to: '/deliveries', label: t('nav.deliveries'), icon: <IconSend /> });
  if (can.seeMailbox(user)) items.push({ to: '/mailbox', label: t('nav.mailbox'), icon: <IconMail /> });
  if (can.seeAudit(user)) items.push({ to: '/audit', label: t('nav.audit'), icon: <IconHistory /> });
  items.push({ to: '/responsibilities', label: t('nav.responsibilities'), icon: <IconMatrix /> });
  items.push({ to: '/profile', label: t('nav.profile'), icon: <IconUser /> });
  return items;
}

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={locale}
      onChange={(value) => void setLocale(value as Locale)}
      data={[
        { value: 'en', label: compact ? 'EN' : 'English' },
        { value: 'es', label: compact ? 'ES' : 'Español' },
      ]}
    />
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // the session may already be gone
    }
    setCsrfToken(null);
    queryClient.setQueryData(sessionQuery.queryKey, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    await navigate({ to: '/sign-in' });
  };
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open', { name: user.name })} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="brand" variant="filled">
              {initials(user.name)}
            </Avatar>
            <Box visibleFrom="md" style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={600}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${user.role}`)}
              </Text>
            </Box>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.email}
          <br />
          {t(`roles.${user.role}`)}
        </Menu.Label>
        <Menu.Item leftSection={<IconUser size={16} />} onClick={() => void navigate({ to: '/profile' })}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Alerts every screen carries: open outages, and (partner admins) contacts needing attention. */
function ShellAlerts({ user, pathname }: { user: User; pathname: string }) {
  const remind = user.role === 'partner_admin' && user.partnerId !== null;
  const health = useContactHealth(user.partnerId, remind);
  const onOutages = pathname === '/outages' || pathname.startsWith('/outages/');
  return (
    <>
      {!onOutages && <OpenOutagesBanner />}
      {remind && pathname !== '/subscriptions' && hasContactProblems(health.data) && (
        <ContactHealthShellAlert />
      )}
    </>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items = navItems(user, t);
  const activeTo = items
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            <Link to="/" className="brand-link" aria-label={t('app.homeLink')}>
              <span className="brand-mark" aria-hidden="true">
                DI
              </span>
              <Text component="span" fw={700} size="lg">
                {t('app.name')}
              </Text>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="xs">
              <LanguageSwitch />
            </Box>
            <Box hiddenFrom="xs">
              <LanguageSwitch compact />
            </Box>
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={item.to === activeTo}
              // The router would also mark a parent entry current (/inventory on /inventory/releases);
              // which entry is current is decided above (the longest match) and set here.
              activeOptions={{ exact: true }}
              aria-current={item.to === activeTo ? 'page' : undefined}
              onClick={close}
              mb={2}
              style={{ borderRadius: 8 }}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs">
            {t(`roles.${user.role}`)}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <VisuallyHidden aria-live="polite">{items.find((i) => i.to === activeTo)?.label}</VisuallyHidden>
        <Box maw={1200} mx="auto">
          <ShellAlerts user={user} pathname={pathname} />
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
