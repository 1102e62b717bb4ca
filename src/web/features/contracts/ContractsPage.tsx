import { Button, Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/permissions.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/common.tsx';
import { IconPlus } from '../../components/icons.tsx';
import { ContractFormModal } from './ContractFormModal.tsx';
import { ContractsTable } from './ContractsTable.tsx';

export default function ContractsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [createOpen, setCreateOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        subtitle={t('contracts.subtitle')}
        actions={
          can.manageContracts(user) && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreateOpen(true)}>
              {t('contracts.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <ContractsTable />
      </Paper>
      {can.manageContracts(user) && (
        <ContractFormModal opened={createOpen} onClose={() => setCreateOpen(false)} />
      )}
    </>
  );
}
