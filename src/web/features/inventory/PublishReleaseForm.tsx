import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { IconAlert } from '../../components/icons.tsx';
import { FormError } from '../../components/states.tsx';
import {
  errorText,
  isReleaseNumber,
  isSu,
  normalizeSu,
  releaseVersions,
  shiftTrain,
  splitErrors,
  type Translate,
} from './format.ts';
import { useComplianceReport, usePublishRelease } from './queries.ts';
import type { PublishResult, Release, ReleaseTrain } from './types.ts';

const FIELDS = ['version', 'sus', 'target'] as const;

const releaseText = (r: Release) => `${r.version} (${r.sus.join(', ')})`;

/** What publishing will do, asked before it is done: the train shift, who is told, what re-classifies. */
function ConfirmPublish({
  opened,
  onClose,
  onConfirm,
  busy,
  train,
  release,
  target,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  busy: boolean;
  train: ReleaseTrain;
  release: Release;
  target: string | null;
}) {
  const { t } = useTranslation();
  const { next, dropped } = shiftTrain(train, release, target ?? undefined);
  // The provider's overview counts what stands on each tier now: n falls to n-1, n-2 off the train.
  const report = useComplianceReport(null, opened);
  const sum = (tier: 'n' | 'n-2') => (report.data?.partners ?? []).reduce((s, p) => s + p.tiers[tier], 0);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('inventory.publish.confirmTitle', { version: release.version })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <Stack gap="sm" data-testid="publish-confirmation">
        <Text size="sm" fw={600}>
          {t('inventory.publish.shiftIntro')}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('inventory.publish.becomesN', { release: releaseText(next.n) })}</List.Item>
          <List.Item>{t('inventory.publish.becomesN1', { release: releaseText(next.n1) })}</List.Item>
          <List.Item>{t('inventory.publish.becomesN2', { release: releaseText(next.n2) })}</List.Item>
          <List.Item>{t('inventory.publish.drops', { release: releaseText(dropped) })}</List.Item>
          <List.Item>{t('inventory.publish.newTarget', { target: next.target })}</List.Item>
        </List>
        <Text size="sm" fw={600}>
          {t('inventory.publish.effectIntro')}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('inventory.publish.reclassify')}</List.Item>
          {report.data && (
            <>
              <List.Item data-testid="publish-falls-out">
                {t('inventory.publish.fallOut', { count: sum('n'), target: next.target })}
              </List.Item>
              <List.Item>
                {t('inventory.publish.unsupported', { count: sum('n-2'), release: dropped.version })}
              </List.Item>
            </>
          )}
          <List.Item>{t('inventory.publish.notifyReleases')}</List.Item>
          <List.Item>{t('inventory.publish.notifyPartners')}</List.Item>
        </List>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={busy}>
            {t('inventory.publish.confirm', { version: release.version })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Provider admins publish a release: version, its service updates (as tags), optionally the target. */
export function PublishReleaseForm({
  train,
  onPublished,
}: {
  train: ReleaseTrain;
  onPublished: (result: PublishResult, release: Release) => void;
}) {
  const { t } = useTranslation();
  const tr: Translate = (key, options) => t(key, options);
  const publish = usePublishRelease();
  const [version, setVersion] = useState('');
  const [sus, setSus] = useState<string[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);

  const release: Release = { version: version.trim(), sus };
  const targets = isReleaseNumber(version) && sus.length > 0 ? releaseVersions(release) : [];
  const problemErrors = isApiError(publish.error) ? (publish.error.problem.errors ?? []) : [];
  const server = splitErrors(problemErrors, FIELDS);
  const err = (field: string) => {
    if (localErrors[field]) return localErrors[field];
    const found = server.byField[field];
    return found ? errorText(found, tr) : undefined;
  };

  const review = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!version.trim()) errors.version = t('validation.required');
    else if (!isReleaseNumber(version)) errors.version = t('inventory.publish.badVersion');
    if (sus.length === 0) errors.sus = t('validation.required');
    else if (!sus.every(isSu)) errors.sus = t('inventory.publish.badSu');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) {
      publish.reset();
      setConfirming(true);
    }
  };

  const confirm = () =>
    publish.mutate(
      { version: release.version, sus, ...(target ? { target } : {}) },
      {
        onSuccess: (result) => {
          setConfirming(false);
          onPublished(result, release);
          setVersion('');
          setSus([]);
          setTarget(null);
        },
        onError: () => setConfirming(false),
      },
    );

  return (
    <form onSubmit={review} noValidate aria-labelledby="publish-heading" data-testid="publish-form">
      <Stack gap="md">
        {server.unmatched.length > 0 && (
          <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
            <List size="sm">
              {server.unmatched.map((e) => (
                <List.Item key={`${e.code}:${e.path ?? ''}`}>{errorText(e, tr)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {publish.error !== null && problemErrors.length === 0 && <FormError error={publish.error} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('inventory.publish.version')}
            description={t('inventory.publish.versionHint', { n: train.n.version })}
            placeholder="16.0"
            required
            maxLength={20}
            value={version}
            onChange={(e) => setVersion(e.currentTarget.value)}
            error={err('version')}
          />
          <TagsInput
            label={t('inventory.publish.sus')}
            description={t('inventory.publish.susHint')}
            placeholder={sus.length === 0 ? 'SU1' : undefined}
            required
            splitChars={[',', ' ', ';']}
            acceptValueOnBlur
            maxTags={10}
            value={sus}
            onChange={(values) => setSus([...new Set(values.map(normalizeSu).filter(Boolean))])}
            error={err('sus')}
          />
          <Select
            label={t('inventory.publish.target')}
            description={t('inventory.publish.targetHint')}
            placeholder={targets.at(-1) ?? '—'}
            clearable
            data={targets}
            value={target && targets.includes(target) ? target : null}
            onChange={setTarget}
            disabled={targets.length === 0}
            error={err('target')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit">{t('inventory.publish.review')}</Button>
        </Group>
      </Stack>
      {confirming && (
        <ConfirmPublish
          opened={confirming}
          onClose={() => setConfirming(false)}
          onConfirm={confirm}
          busy={publish.isPending}
          train={train}
          release={release}
          target={target && targets.includes(target) ? target : null}
        />
      )}
    </form>
  );
}
