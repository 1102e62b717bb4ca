import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Collapse,
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
import { type ReactNode, useEffect, useId, useState } from 'react';
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
import {
  IconCalendar,
  IconChange,
  IconChangeRequest,
  IconChecklist,
  IconFeed,
  IconReschedule,
} from '../features/changes/icons.tsx';
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

/** A collapsible group of the navigation; `label` null for the entries below every group. */
export interface NavSection {
  id: string;
  label: string | null;
  icon: ReactNode;
  items: NavItem[];
}

/** The navigation of a role, in groups (empty groups left out). */
export function navSections(user: User, t: (key: string) => string): NavSection[] {
  const directory: NavItem[] = [];
  if (user.role === 'customer_viewer' && user.customerId) {
    directory.push({
      to: `/customers/${user.customerId}`,
      label: t('nav.myCustomer'),
      icon: <IconBuilding />,
    });
  }
  if (can.seeCustomers(user))
    directory.push({ to: '/customers', label: t('nav.customers'), icon: <IconBuilding /> });
  if (can.seePartners(user))
    directory.push({ to: '/partners', label: t('nav.partners'), icon: <IconHandshake /> });
  if (can.seeUsers(user)) directory.push({ to: '/users', label: t('nav.users'), icon: <IconUsers /> });
  directory.push({ to: '/contracts', label: t('nav.contracts'), icon: <IconFile /> });

  const inventory: NavItem[] = [];
  if (can.seeInventory(user))
    inventory.push({ to: '/inventory', label: t('nav.inventory'), icon: <IconServers /> });
  if (can.seeCompliance(user))
    inventory.push({ to: '/inventory/compliance', label: t('nav.versionCompliance'), icon: <IconBars /> });
  if (can.seeReleases(user))
    inventory.push({ to: '/inventory/releases', label: t('nav.releases'), icon: <IconTag /> });
  if (can.seeInventory(user))
    inventory.push({
      to: '/inventory/certificates',
      label: t('nav.certificates'),
      icon: <IconCertificate />,
    });
  if (can.seeInventory(user))
    inventory.push({ to: '/inventory/capacity', label: t('nav.capacity'), icon: <IconGauge /> });
  // Backups are the provider's alone (partners and customers have no access).
  if (isProvider(user.role))
    inventory.push({ to: '/inventory/backups', label: t('nav.backups'), icon: <IconBackup /> });
  if (can.seeCopRequests(user))
    inventory.push({ to: '/inventory/cop-requests', label: t('nav.copFiles'), icon: <IconCopFile /> });

  const operations: NavItem[] = [];
  if (can.seeCases(user)) operations.push({ to: '/cases', label: t('nav.cases'), icon: <IconLifebuoy /> });
  if (can.seeAttainment(user))
    operations.push({ to: '/reports/attainment', label: t('nav.attainment'), icon: <IconChart /> });
  if (can.seeOutages(user)) operations.push({ to: '/outages', label: t('nav.outages'), icon: <IconBolt /> });
  if (can.seeDisasterRecovery(user))
    operations.push({
      to: '/disaster-recovery',
      label: t('nav.disasterRecovery'),
      icon: <IconDisasterRecovery />,
    });
  if (can.seeNetworkActivity(user))
    operations.push({ to: '/network-activities', label: t('nav.networkActivity'), icon: <IconNetwork /> });

  const changes: NavItem[] = [];
  if (can.seeChanges(user)) changes.push({ to: '/changes', label: t('nav.changes'), icon: <IconChange /> });
  if (can.seeRescheduleRequests(user))
    changes.push({
      to: '/reschedule-requests',
      label: t('nav.rescheduleRequests'),
      icon: <IconReschedule />,
    });
  if (can.seeChangeCalendar(user))
    changes.push({ to: '/calendar', label: t('nav.calendar'), icon: <IconCalendar /> });
  if (can.seeChangeRequests(user))
    changes.push({ to: '/change-requests', label: t('nav.changeRequests'), icon: <IconChangeRequest /> });
  if (can.seeChangeTasks(user))
    changes.push({ to: '/change-tasks', label: t('nav.changeTasks'), icon: <IconChecklist /> });
  if (can.seeCalendarFeeds(user))
    changes.push({ to: '/calendar-feeds', label: t('nav.calendarFeeds'), icon: <IconFeed /> });

  const notifications: NavItem[] = [];
  if (can.seeSubscriptions(user))
    notifications.push({ to: '/subscriptions', label: t('nav.subscriptions'), icon: <IconBell /> });
  if (can.seeDeliveries(user))
    notifications.push({ to: '/deliveries', label: t('nav.deliveries'), icon: <IconSend /> });
  if (can.seeMailbox(user))
    notifications.push({ to: '/mailbox', label: t('nav.mailbox'), icon: <IconMail /> });

  const other: NavItem[] = [];
  if (can.seeAudit(user)) other.push({ to: '/audit', label: t('nav.audit'), icon: <IconHistory /> });
  other.push({ to: '/responsibilities', label: t('nav.responsibilities'), icon: <IconMatrix /> });
  other.push({ to: '/profile', label: t('nav.profile'), icon: <IconUser /> });

  const sections: NavSection[] = [
    { id: 'directory', label: t('nav.groups.directory'), icon: <IconBuilding />, items: directory },
    { id: 'inventory', label: t('nav.groups.inventory'), icon: <IconServers />, items: inventory },
    { id: 'operations', label: t('nav.groups.operations'), icon: <IconLifebuoy />, items: operations },
    { id: 'changes', label: t('nav.groups.changes'), icon: <IconChange />, items: changes },
    { id: 'notifications', label: t('nav.groups.notifications'), icon: <IconBell />, items: notifications },
    { id: 'other', label: null, icon: null, items: other },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** Every entry of the navigation, in order. */
export function navItems(user: User, t: (key: string) => string): NavItem[] {
  return navSections(user, t).flatMap((s) => s.items);
}

/** The entry the path belongs to: the longest `to` it equals or lies below. */
function activeEntry(sections: NavSection[], pathname: string): { to?: string; section?: string } {
  let best: { to?: string; section?: string } = {};
  for (const section of sections) {
    for (const item of section.items) {
      if (pathname !== item.to && !pathname.startsWith(`${item.to}/`)) continue;
      if (!best.to || item.to.length > best.to.length) best = { to: item.to, section: section.id };
    }
  }
  return best;
}

function NavEntry({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate: () => void }) {
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      active={active}
      // The router would also mark a parent entry current (/inventory on /inventory/releases);
      // which entry is current is decided above (the longest match) and set here.
      activeOptions={{ exact: true }}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      mb={2}
      style={{ borderRadius: 8 }}
    />
  );
}

/**
 * One group: a disclosure button (its heading) that shows or hides the group's links. Hidden links
 * stay in the document (display: none), so nothing is lost to the router's preloading.
 */
function NavGroup({
  section,
  opened,
  onToggle,
  activeTo,
  onNavigate,
}: {
  section: NavSection;
  opened: boolean;
  onToggle: () => void;
  activeTo: string | undefined;
  onNavigate: () => void;
}) {
  const id = useId();
  const holdsActive = section.items.some((i) => i.to === activeTo);
  return (
    <Box mb={4}>
      <UnstyledButton
        id={`${id}-toggle`}
        className="nav-group-toggle"
        aria-expanded={opened}
        aria-controls={`${id}-items`}
        data-active={holdsActive && !opened ? true : undefined}
        data-nav-group={section.id}
        onClick={onToggle}
      >
        <Group gap={10} wrap="nowrap">
          <span className="nav-group-icon">{section.icon}</span>
          <Text component="span" size="sm" fw={650} style={{ flex: 1 }}>
            {section.label}
          </Text>
          <IconChevronDown
            size={14}
            style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 120ms' }}
          />
        </Group>
      </UnstyledButton>
      <Collapse
        expanded={opened}
        keepMounted
        keepMountedMode="display-none"
        id={`${id}-items`}
        role="group"
        aria-labelledby={`${id}-toggle`}
      >
        <Box pl={12} pt={2}>
          {section.items.map((item) => (
            <NavEntry key={item.to} item={item} active={item.to === activeTo} onNavigate={onNavigate} />
          ))}
        </Box>
      </Collapse>
    </Box>
  );
}

/** Which groups are open: the one holding the current page opens by itself, the rest as left. */
function useOpenGroups(activeSection: string | undefined) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(activeSection ? [activeSection] : []));
  useEffect(() => {
    if (activeSection) setOpen((old) => (old.has(activeSection) ? old : new Set([...old, activeSection])));
  }, [activeSection]);
  const toggle = (id: string) =>
    setOpen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { open, toggle };
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
  const sections = navSections(user, t);
  const items = sections.flatMap((section) => section.items);
  const { to: activeTo, section: activeSection } = activeEntry(sections, pathname);
  const groups = useOpenGroups(activeSection);

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
          {sections.map((section) =>
            section.label === null ? (
              <Box key={section.id} mt={4}>
                {section.items.map((item) => (
                  <NavEntry key={item.to} item={item} active={item.to === activeTo} onNavigate={close} />
                ))}
              </Box>
            ) : (
              <NavGroup
                key={section.id}
                section={section}
                opened={groups.open.has(section.id)}
                onToggle={() => groups.toggle(section.id)}
                activeTo={activeTo}
                onNavigate={close}
              />
            ),
          )}
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
