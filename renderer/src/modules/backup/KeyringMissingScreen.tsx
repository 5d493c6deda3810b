import { useState } from 'react';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconKeyOff, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { GateCard } from '../../app/GateCard';
import { RestoreDialog } from './RestoreDialog';

/**
 * The database is here but its keyring is not. Nothing is offered that would overwrite the data: the keyring comes
 * back from beside a copy, or a whole copy is restored (the current files then move aside, never deleted).
 */
export function KeyringMissingScreen() {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'keyring' | 'data' | null>(null);
  return (
    <GateCard icon={<IconKeyOff />} width={560}>
      <Stack>
        <Title order={4}>{t('restore.keyring.title')}</Title>
        <Alert color="orange" variant="light">
          <Text size="sm">{t('restore.keyring.body')}</Text>
        </Alert>
        <Button leftSection={<IconKey size={16} />} onClick={() => setDialog('keyring')} autoFocus>
          {t('restore.keyring.putBack')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('restore.keyring.orRestore')}
        </Text>
        <Button variant="default" leftSection={<IconRestore size={16} />} onClick={() => setDialog('data')}>
          {t('restore.open')}
        </Button>
      </Stack>
      <RestoreDialog opened={dialog !== null} onClose={() => setDialog(null)} purpose={dialog ?? 'data'} />
    </GateCard>
  );
}
