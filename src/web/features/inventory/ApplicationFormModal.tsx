import {
  ActionIcon,
  Alert,
  Autocomplete,
  Box,
  Button,
  Group,
  Input,
  List,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { REGIONS, type Region } from '../../api/types.ts';
import { FormModal } from '../../components/forms.tsx';
import { IconAlert, IconPlus } from '../../components/icons.tsx';
import { CustomerPicker } from './CustomerPicker.tsx';
import { errorText, releaseVersions, splitErrors, type Translate } from './format.ts';
import { useCreateApplication, useReleases, useUpdateApplication } from './queries.ts';
import {
  APPLICATION_KINDS,
  type Application,
  type ApplicationKind,
  type ApplicationNode,
  NODE_ROLES,
  type NodeRole,
} from './types.ts';

const FIELDS = [
  'customerId',
  'kind',
  'name',
  'version',
  'region',
  'primaryDataCentre',
  'failoverDataCentre',
  'ssoEnabled',
  'nodes',
] as const;

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const DATA_CENTRE = /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/;

/** A node row: its data centre is the primary or the failover one, whatever their codes become. */
interface NodeDraft {
  key: number;
  hostname: string;
  role: NodeRole;
  centre: 'primary' | 'failover';
}

let nextKey = 1;
const newNode = (role: NodeRole, centre: NodeDraft['centre'] = 'primary'): NodeDraft => ({
  key: nextKey++,
  hostname: '',
  role,
  centre,
});

function draftNodes(application: Application | null): NodeDraft[] {
  if (!application) return [newNode('publisher'), newNode('subscriber', 'failover')];
  return application.nodes.map((node) => ({
    key: nextKey++,
    hostname: node.hostname,
    role: node.role,
    centre:
      node.dataCentre === application.failoverDataCentre && node.dataCentre !== application.primaryDataCentre
        ? 'failover'
        : 'primary',
  }));
}

/**
 * Adds an application to a customer's instance (provider roles), or edits one — typically its
 * version after an upgrade. The server's rules come back as 422 errors and land on their fields.
 */
export function ApplicationFormModal({
  opened,
  onClose,
  application,
  defaultCustomerId,
}: {
  opened: boolean;
  onClose: () => void;
  /** Null to add a new application. */
  application: Application | null;
  defaultCustomerId?: string | undefined;
}) {
  const { t } = useTranslation();
  const tr: Translate = (key, options) => t(key, options);
  const releases = useReleases();
  const create = useCreateApplication();
  const update = useUpdateApplication(application?.id ?? '');
  const mutation = application ? update : create;

  const [customerId, setCustomerId] = useState<string | null>(null);
  const [kind, setKind] = useState<ApplicationKind | null>(null);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [region, setRegion] = useState<Region | null>(null);
  const [primary, setPrimary] = useState('');
  const [failover, setFailover] = useState('');
  const [sso, setSso] = useState(false);
  const [nodes, setNodes] = useState<NodeDraft[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setCustomerId(application?.customerId ?? defaultCustomerId ?? null);
    setKind(application?.kind ?? null);
    setName(application?.name ?? '');
    setVersion(application?.version ?? '');
    setRegion(application?.kind === 'sme' ? application.region : null);
    setPrimary(application?.primaryDataCentre ?? '');
    setFailover(application?.failoverDataCentre ?? '');
    setSso(application?.ssoEnabled ?? false);
    setNodes(draftNodes(application));
    setLocalErrors({});
    create.reset();
    update.reset();
  }, [opened]);

  const problemErrors = isApiError(mutation.error) ? (mutation.error.problem.errors ?? []) : [];
  const server = splitErrors(problemErrors, FIELDS);
  const err = (field: string): string | undefined => {
    if (localErrors[field]) return localErrors[field];
    const found = server.byField[field];
    return found ? errorText(found, tr) : undefined;
  };
  const general = mutation.error && problemErrors.length === 0 ? mutation.error : null;

  const train = releases.data?.active.train;
  const versionOptions = train
    ? application
      ? [...releaseVersions(train.n), ...releaseVersions(train.n1), ...releaseVersions(train.n2)]
      : releaseVersions(train.n)
    : [];

  const centreCode = (centre: NodeDraft['centre']) =>
    centre === 'failover' ? failover.trim() : primary.trim();
  const centreOptions = [
    {
      value: 'primary',
      label: primary.trim()
        ? t('inventory.form.primaryCentre', { code: primary.trim() })
        : t('inventory.form.primary'),
    },
    {
      value: 'failover',
      label: failover.trim()
        ? t('inventory.form.failoverCentre', { code: failover.trim() })
        : t('inventory.form.failover'),
      disabled: !failover.trim(),
    },
  ];

  const setNode = (key: number, patch: Partial<NodeDraft>) =>
    setNodes((list) => list.map((n) => (n.key === key ? { ...n, ...patch } : n)));

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!application && !customerId) errors.customerId = required;
    if (!application && !kind) errors.kind = required;
    if (!name.trim()) errors.name = required;
    if (!version.trim()) errors.version = required;
    if (!primary.trim()) errors.primaryDataCentre = required;
    else if (!DATA_CENTRE.test(primary.trim())) errors.primaryDataCentre = t('inventory.form.badCentre');
    if (failover.trim() && !DATA_CENTRE.test(failover.trim()))
      errors.failoverDataCentre = t('inventory.form.badCentre');
    if (nodes.length === 0) errors.nodes = t('inventory.form.noNodes');
    nodes.forEach((node, i) => {
      const host = node.hostname.trim();
      if (!host) errors[`nodes.${i}.hostname`] = required;
      else if (!HOST.test(host) || host.length > 253)
        errors[`nodes.${i}.hostname`] = t('inventory.form.badHost');
      if (node.centre === 'failover' && !failover.trim())
        errors[`nodes.${i}.dataCentre`] = t('inventory.form.noFailover');
    });
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;

    const body = {
      name: name.trim(),
      version: version.trim(),
      nodes: nodes.map(
        (node): ApplicationNode => ({
          hostname: node.hostname.trim(),
          role: node.role,
          dataCentre: centreCode(node.centre),
        }),
      ),
      primaryDataCentre: primary.trim(),
      ssoEnabled: sso,
      ...((application?.kind ?? kind) === 'sme' && region ? { region } : {}),
    };
    const done = (saved: Application) => {
      notifications.show({
        color: 'teal',
        message: t(application ? 'inventory.form.saved' : 'inventory.form.added', { name: saved.name }),
      });
      onClose();
    };
    if (application) {
      update.mutate({ ...body, failoverDataCentre: failover.trim() || null }, { onSuccess: done });
    } else if (customerId && kind) {
      create.mutate(
        { ...body, customerId, kind, ...(failover.trim() ? { failoverDataCentre: failover.trim() } : {}) },
        { onSuccess: done },
      );
    }
  };

  const isSme = (application?.kind ?? kind) === 'sme';
  const nodesError = err('nodes');

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={
        application ? t('inventory.form.editTitle', { name: application.name }) : t('inventory.form.addTitle')
      }
      submitLabel={application ? t('actions.save') : t('inventory.form.add')}
      busy={mutation.isPending}
      error={general}
      onSubmit={submit}
      size="lg"
    >
      {server.unmatched.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
          <List size="sm">
            {server.unmatched.map((e) => (
              <List.Item key={`${e.code}:${e.path ?? ''}:${e.message}`}>{errorText(e, tr)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {!application && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CustomerPicker
            label={t('fields.customer')}
            placeholder={t('inventory.form.customerPlaceholder')}
            required
            activeOnly
            value={customerId}
            onChange={setCustomerId}
            error={err('customerId')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('inventory.kind')}
            required
            data={APPLICATION_KINDS.map((k) => ({ value: k, label: t(`inventory.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v as ApplicationKind | null)}
            error={err('kind')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('inventory.name')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
          data-autofocus
        />
        <Autocomplete
          label={t('inventory.version')}
          required
          description={
            train && !application
              ? t('inventory.form.versionHintNew', { versions: releaseVersions(train.n).join(', ') })
              : t('inventory.form.versionHint')
          }
          data={versionOptions}
          value={version}
          onChange={setVersion}
          maxLength={40}
          error={err('version')}
        />
      </SimpleGrid>
      {isSme && (
        <Select
          label={t('fields.region')}
          description={t('inventory.form.smeRegionHint')}
          required
          data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          value={region}
          onChange={(v) => setRegion(v as Region | null)}
          error={err('region')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('inventory.primaryDataCentre')}
          placeholder="AMS1"
          required
          maxLength={40}
          value={primary}
          onChange={(e) => setPrimary(e.currentTarget.value)}
          error={err('primaryDataCentre')}
        />
        <TextInput
          label={t('inventory.failoverDataCentre')}
          placeholder="FRA1"
          maxLength={40}
          value={failover}
          onChange={(e) => setFailover(e.currentTarget.value)}
          error={err('failoverDataCentre')}
        />
      </SimpleGrid>
      <Switch
        label={t('inventory.sso')}
        checked={sso}
        onChange={(e) => setSso(e.currentTarget.checked)}
        error={err('ssoEnabled')}
      />
      <Input.Wrapper
        label={t('inventory.nodes')}
        description={t('inventory.form.nodesHint')}
        error={nodesError}
        required
      >
        <Stack gap="xs" mt={6} data-testid="nodes-editor">
          {nodes.map((node, i) => {
            const n = i + 1;
            return (
              <Group key={node.key} gap="xs" align="flex-start" wrap="wrap" data-testid="node-row">
                <TextInput
                  aria-label={t('inventory.form.hostOf', { n })}
                  placeholder={t('inventory.form.hostPlaceholder')}
                  value={node.hostname}
                  onChange={(e) => setNode(node.key, { hostname: e.currentTarget.value })}
                  error={err(`nodes.${i}.hostname`)}
                  maxLength={253}
                  style={{ flex: '1 1 160px' }}
                />
                <Select
                  aria-label={t('inventory.form.roleOf', { n })}
                  data={NODE_ROLES.map((r) => ({ value: r, label: t(`inventory.roles.${r}`) }))}
                  value={node.role}
                  onChange={(v) => v && setNode(node.key, { role: v as NodeRole })}
                  allowDeselect={false}
                  w={130}
                />
                <Select
                  aria-label={t('inventory.form.centreOf', { n })}
                  data={centreOptions}
                  value={node.centre}
                  onChange={(v) => v && setNode(node.key, { centre: v as NodeDraft['centre'] })}
                  allowDeselect={false}
                  error={err(`nodes.${i}.dataCentre`)}
                  w={165}
                />
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size="lg"
                  aria-label={t('inventory.form.removeNode', { n })}
                  disabled={nodes.length <= 1}
                  onClick={() => setNodes((list) => list.filter((x) => x.key !== node.key))}
                >
                  <Text component="span" fw={700} aria-hidden="true">
                    ×
                  </Text>
                </ActionIcon>
              </Group>
            );
          })}
          <Box>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setNodes((list) => [...list, newNode('subscriber')])}
              disabled={nodes.length >= 50}
            >
              {t('inventory.form.addNode')}
            </Button>
          </Box>
        </Stack>
      </Input.Wrapper>
    </FormModal>
  );
}
