import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { isProvider } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PartnerPicker } from '../../components/entity-picker.tsx';
import { IconAlert, IconCheck, IconCopy } from '../../components/icons.tsx';
import type { CreatedCalendarFeed } from '../changes/types.ts';
import { GeneralErrors, useFormErrors } from '../disaster-recovery/form-errors.tsx';
import { CustomerPicker } from '../inventory/CustomerPicker.tsx';

export const FEEDS_KEY = 'calendar-feeds';
const FIELDS = ['label', 'customerId', 'partnerId'] as const;

type Scope = 'partner' | 'customer';

/** The secret address, once: copy it, then subscribe to it in a calendar application. */
function SecretUrl({ feed, onDone }: { feed: CreatedCalendarFeed; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="feed-secret">
      <Alert color="orange" variant="light" icon={<IconAlert />} title={t('calendarFeeds.onceTitle')}>
        <Text size="sm">{t('calendarFeeds.onceText')}</Text>
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('calendarFeeds.url')}
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code
            block
            data-testid="feed-url"
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}
          >
            {feed.url}
          </Code>
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="default"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              >
                {copied ? t('calendarFeeds.copied') : t('calendarFeeds.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <Stack gap={4}>
        <Title order={3} fz="sm">
          {t('calendarFeeds.howTo')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t('calendarFeeds.outlook')}</List.Item>
          <List.Item>{t('calendarFeeds.google')}</List.Item>
          <List.Item>{t('calendarFeeds.apple')}</List.Item>
        </List>
        <Text size="xs" c="dimmed">
          {t('calendarFeeds.refreshNote')}
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('calendarFeeds.done')}</Button>
      </Group>
    </Stack>
  );
}

/**
 * A new iCalendar feed of changes and windows: the partner's whole scope or one customer (the
 * provider names the partner; a customer viewer gets its own customer's). The answer carries the
 * secret address this once.
 */
export function CreateFeedModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provider = isProvider(user.role);
  const viewer = user.role === 'customer_viewer';
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [scope, setScope] = useState<Scope>('partner');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);

  const create = useMutation({
    mutationFn: (body: { label: string; customerId?: string; partnerId?: string }) =>
      api.post<CreatedCalendarFeed>('/calendar-feeds', body),
    onSuccess: (feed) => {
      setCreated(feed);
      void queryClient.invalidateQueries({ queryKey: [FEEDS_KEY] });
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setLabel('');
    setScope(viewer ? 'customer' : 'partner');
    setCustomerId(null);
    setPartnerId(null);
    setLocalErrors({});
    setCreated(null);
    create.reset();
  }, [opened]);

  const server = useFormErrors('calendarFeeds', create.error, FIELDS);
  const err = (field: string) => localErrors[field] ?? server.field(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const required = t('validation.required');
    if (!label.trim()) errors.label = required;
    if (!viewer && scope === 'customer' && !customerId) errors.customerId = required;
    if (provider && scope === 'partner' && !partnerId) errors.partnerId = required;
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate({
      label: label.trim(),
      ...(viewer && user.customerId ? { customerId: user.customerId } : {}),
      ...(!viewer && scope === 'customer' && customerId ? { customerId } : {}),
      ...(provider && scope === 'partner' && partnerId ? { partnerId } : {}),
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        created ? t('calendarFeeds.createdTitle', { label: created.label }) : t('calendarFeeds.newTitle')
      }
      centered
      size="lg"
      closeOnClickOutside={!created}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      {created ? (
        <SecretUrl feed={created} onDone={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <GeneralErrors errors={server} />
            <TextInput
              label={t('calendarFeeds.label')}
              description={t('calendarFeeds.labelHint')}
              required
              maxLength={100}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={err('label')}
              data-autofocus
            />
            {!viewer && (
              <Radio.Group
                label={t('calendarFeeds.scope')}
                value={scope}
                onChange={(v) => setScope(v as Scope)}
              >
                <Stack gap="xs" mt={6}>
                  <Radio
                    value="partner"
                    label={t(provider ? 'calendarFeeds.scopePartnerProvider' : 'calendarFeeds.scopePartner')}
                  />
                  <Radio value="customer" label={t('calendarFeeds.scopeCustomer')} />
                </Stack>
              </Radio.Group>
            )}
            {provider && scope === 'partner' && (
              <PartnerPicker
                label={t('fields.partner')}
                required
                value={partnerId}
                onChange={setPartnerId}
                error={err('partnerId')}
              />
            )}
            {!viewer && scope === 'customer' && (
              <CustomerPicker
                label={t('fields.customer')}
                placeholder={t('calendarFeeds.customerPlaceholder')}
                required
                activeOnly
                value={customerId}
                onChange={setCustomerId}
                error={err('customerId')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {viewer && (
              <Text size="sm" c="dimmed">
                {t('calendarFeeds.viewerScope')}
              </Text>
            )}
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('calendarFeeds.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
