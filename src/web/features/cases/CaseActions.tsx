import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AcknowledgeModal,
  ReasonModal,
  SeverityModal,
  STATUS_ACTIONS,
  type StatusAction,
  StatusModal,
} from './CaseActionModals.tsx';
import type { CaseAction, CaseDetail } from './types.ts';

type Dialog = 'acknowledge' | 'severity' | 'reopen' | 'escalate' | StatusAction;

const ORDER: CaseAction[] = [
  'acknowledge',
  'start',
  'resume',
  'await_partner',
  'monitor',
  'resolve',
  'close',
  'reopen',
  'raise_severity',
  'lower_severity',
  'escalate',
];
const PRIMARY = new Set<CaseAction>(['acknowledge', 'start', 'resume', 'resolve']);

/** The buttons the server allows this caller (`allowedActions`), each opening its dialog. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const allowed = new Set(c.allowedActions);
  const bothWays = allowed.has('raise_severity') && allowed.has('lower_severity');
  const buttons = ORDER.filter((a) => allowed.has(a) && !(bothWays && a === 'lower_severity'));
  const label = (a: CaseAction) =>
    bothWays && a === 'raise_severity' ? t('cases.changeSeverity') : t(`cases.action.${a}`);
  const open = (a: CaseAction) =>
    setDialog(a === 'raise_severity' || a === 'lower_severity' ? 'severity' : (a as Dialog));
  return (
    <>
      {buttons.length > 0 && (
        <Group gap="xs" data-testid="case-actions">
          {buttons.map((a) => (
            <Button
              key={a}
              variant={PRIMARY.has(a) ? 'filled' : a === 'escalate' ? 'outline' : 'default'}
              color={a === 'escalate' ? 'grape.9' : undefined}
              onClick={() => open(a)}
            >
              {label(a)}
            </Button>
          ))}
        </Group>
      )}
      <AcknowledgeModal c={c} opened={dialog === 'acknowledge'} onClose={close} />
      <SeverityModal c={c} opened={dialog === 'severity'} onClose={close} />
      <ReasonModal c={c} action="reopen" opened={dialog === 'reopen'} onClose={close} />
      <ReasonModal c={c} action="escalate" opened={dialog === 'escalate'} onClose={close} />
      {STATUS_ACTIONS.map((a) => (
        <StatusModal key={a} c={c} action={a} opened={dialog === a} onClose={close} />
      ))}
    </>
  );
}
