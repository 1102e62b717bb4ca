import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showDone } from '../../components/feedback.ts';
import { useServerErrors } from '../../components/forms.tsx';
import { FormError } from '../../components/states.tsx';
import { useCaseCommand } from './queries.ts';
import type { CaseDetail, CommentKind } from './types.ts';

const KINDS: CommentKind[] = ['comment', 'internal_note', 'action_plan'];

/** The reply box under the timeline; the provider also chooses an internal note or a status and action plan. */
export function CommentBox({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const kinds = KINDS.filter((k) => c.allowedActions.includes(k));
  const [kind, setKind] = useState<CommentKind>(kinds[0] ?? 'comment');
  const [body, setBody] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const command = useCaseCommand<{ body: string; kind: CommentKind }>(c.id, 'comments', () => {
    setBody('');
    showDone(t(`cases.posted_${kind}`));
  });
  const server = useServerErrors(command.error, ['body', 'kind']);
  if (kinds.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = body.trim() ? undefined : t('validation.required');
    setLocalError(missing);
    if (!missing) command.mutate({ body: body.trim(), kind });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.addToTimeline')}>
      <Stack gap="xs">
        {server.general ? <FormError error={server.general} /> : null}
        {kinds.length > 1 && (
          <SegmentedControl
            aria-label={t('cases.commentKind')}
            value={kind}
            onChange={(v) => setKind(v as CommentKind)}
            data={kinds.map((k) => ({ value: k, label: t(`cases.kind_${k}`) }))}
            fullWidth
          />
        )}
        <Textarea
          label={t(`cases.kind_${kind}`)}
          description={t(`cases.kindHint_${kind}`)}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={20_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={localError ?? server.field('body') ?? server.field('kind')}
          styles={
            kind === 'internal_note' ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined
          }
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {kind === 'internal_note' ? t('cases.internalHint') : ''}
          </Text>
          <Button type="submit" loading={command.isPending}>
            {t(`cases.post_${kind}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
