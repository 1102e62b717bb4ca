import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  Modal,
  Progress,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { IconAlert, IconCheck, IconUpload } from '../../components/icons.tsx';
import { FormError } from '../../components/states.tsx';
import { errorText, exportHref, importErrorRows, type Translate } from './format.ts';
import { useImportApplications } from './queries.ts';

const COLUMNS =
  'customerId, customer, application, kind, version, region, publisher, subscribers, primaryDataCentre, failoverDataCentre, sso';

/** The line-numbered problems of a rejected file, so the user can fix it and try again. */
function ImportErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const tr: Translate = (key, options) => t(key, options);
  const errors = isApiError(error) ? (error.problem.errors ?? []) : [];
  const rows = importErrorRows(errors);
  return (
    <Stack gap="xs" data-testid="import-errors">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlert />}
        role="alert"
        title={t('inventory.import.rejected')}
      >
        <Text size="sm">{t('inventory.import.rejectedHint', { count: rows.length })}</Text>
      </Alert>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table verticalSpacing={6} striped aria-label={t('inventory.import.errorsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inventory.import.line')}</Table.Th>
              <Table.Th>{t('inventory.import.column')}</Table.Th>
              <Table.Th>{t('inventory.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid="import-error-row">
                <Table.Td>{row.line ?? '—'}</Table.Td>
                <Table.Td>
                  {row.column ? (
                    <Code>{row.column}</Code>
                  ) : row.line === 1 ? (
                    t('inventory.import.header')
                  ) : (
                    t('inventory.import.wholeFile')
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {errorText(row, tr)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/**
 * The provider admin imports the instance CSV: the file goes up as it is (text/csv); every line is
 * checked before anything is written, so the answer is either the counts or the list of problems.
 */
export function ImportCsvModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useImportApplications();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setFile(null);
    setMissing(false);
    upload.reset();
  }, [opened]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file);
  };
  const lineErrors = isApiError(upload.error) && (upload.error.problem.errors?.length ?? 0) > 0;
  const result = upload.data;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('inventory.import.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('inventory.import.intro')}</Text>
          <Text size="xs" c="dimmed">
            {t('inventory.import.columns')} <Code>{COLUMNS}</Code>.{' '}
            <Anchor href={exportHref({})} download size="xs">
              {t('inventory.import.template')}
            </Anchor>
          </Text>
          <FileInput
            label={t('inventory.import.file')}
            placeholder={t('inventory.import.pick')}
            // Drawn as text (not a native placeholder), so it must meet text contrast.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            accept=".csv,text/csv"
            clearable
            value={file}
            onChange={(f) => {
              setFile(f);
              setMissing(false);
              upload.reset();
            }}
            error={missing ? t('validation.required') : undefined}
            leftSection={<IconUpload size={16} />}
            disabled={upload.isPending}
            data-testid="import-file"
          />
          {upload.isPending && (
            <Stack gap={4} aria-live="polite">
              <Progress value={100} animated striped aria-label={t('inventory.import.working')} />
              <Text size="xs" c="dimmed">
                {t('inventory.import.working')}
              </Text>
            </Stack>
          )}
          {result && (
            <Alert
              color="teal"
              variant="light"
              icon={<IconCheck />}
              title={t('inventory.import.done')}
              data-testid="import-result"
              role="status"
            >
              <Text size="sm">
                {t('inventory.import.summary', {
                  count: result.rows,
                  created: result.created,
                  updated: result.updated,
                  unchanged: result.unchanged,
                })}
              </Text>
            </Alert>
          )}
          {upload.error !== null &&
            (lineErrors ? <ImportErrors error={upload.error} /> : <FormError error={upload.error} />)}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {result ? t('actions.close') : t('actions.cancel')}
            </Button>
            {!result && (
              <Button type="submit" loading={upload.isPending} leftSection={<IconUpload size={16} />}>
                {t('inventory.import.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
