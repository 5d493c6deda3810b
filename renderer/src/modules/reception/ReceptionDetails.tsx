import { ENTRY_READS } from './queries';
import { useState, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { canCall, api, type Reception, type SessionUser } from '../../../../shared/api';
import { formatDate, formatDateTime, fullName } from '../../../../shared/format';
import { useCall, useCallMutation } from '../../api/hooks';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm } from '../../app/forms';
import { STATUS_COLORS } from './ReceptionScreen';

/** One journal entry: everything about the visit, its versions, and what may still be done with it. */
export function ReceptionDetails({
  id,
  session,
  categoryName,
  onClose,
  onCorrect,
  onCitizen,
}: {
  id: number;
  session: SessionUser;
  categoryName: (code: string) => string;
  onClose: () => void;
  onCorrect: (entry: Reception) => void;
  /** opens the citizen's card */
  onCitizen: (citizenId: number) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'void' | 'result' | null>(null);
  const data = useCall('reception.get', { id });
  const e = data.data?.entry;
  const canWrite = canCall(session.role, 'reception.correct');
  const canVoid = canCall(session.role, 'reception.void');
  const done = () => setDialog(null);

  return (
    <Modal
      opened
      onClose={onClose}
      size={900}
      title={e ? t('reception.editTitle', { number: `${e.number}/${e.year}` }) : ''}
    >
      {e && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color={STATUS_COLORS[e.status]}>
              {t(`reception.status.${e.status}`)}
            </Badge>
            <Text size="sm">
              {formatDateTime(e.receivedAt)} · {t(`reception.modes.${e.mode}`)} · {t('reception.receiver')}:{' '}
              {e.receiverName}
              {e.receiverRole === 'assistant'
                ? ` (${[t('roles.assistant'), e.receiverSupervisor && t('users.underSupervision', { name: e.receiverSupervisor })].filter(Boolean).join(', ')})`
                : ''}
            </Text>
          </Group>
          <SimpleGrid cols={2} spacing="md">
            <Table withRowBorders={false} verticalSpacing={2} fz="sm">
              <Table.Tbody>
                <Row
                  k={t('reception.citizen')}
                  v={
                    canCall(session.role, 'citizens.card') ? (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        title={t('citizens.card.open')}
                        onClick={() => onCitizen(e.citizen.id)}
                      >
                        {fullName(e.citizen)}
                      </Anchor>
                    ) : (
                      fullName(e.citizen)
                    )
                  }
                />
                <Row k={t('fields.iin')} v={e.citizen.iin ?? t(`iin.no.${e.citizen.noIin ?? 'unknown'}`)} />
                {e.citizen.citizenship && (
                  <Row
                    k={t('fields.citizenship')}
                    v={[
                      e.citizen.citizenship,
                      e.citizen.passportNo && `${t('fields.passportNo')} ${e.citizen.passportNo}`,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  />
                )}
                <Row k={t('reception.birthDate')} v={formatDate(e.citizen.birthDate)} />
                <Row k={t('reception.address')} v={e.citizen.address} />
                <Row k={t('reception.phone')} v={e.citizen.phone} />
              </Table.Tbody>
            </Table>
            <Table withRowBorders={false} verticalSpacing={2} fz="sm">
              <Table.Tbody>
                <Row k={t('reception.category')} v={categoryName(e.categoryCode)} />
                <Row k={t('reception.subject')} v={e.subject} />
                <Row
                  k={t('reception.action')}
                  v={[t(`reception.actions.${e.action}`), e.actionDetails].filter(Boolean).join(': ')}
                />
                {e.personFile && (
                  <Row
                    k={t('reception.personFile')}
                    v={
                      canCall(session.role, 'prevention.open') ? (
                        // p.15: the file opens through its purpose dialog
                        <Anchor href={`#/prevention/${e.personFile.id}`} size="sm" onClick={onClose}>
                          № {e.personFile.number}
                        </Anchor>
                      ) : (
                        `№ ${e.personFile.number}`
                      )
                    }
                  />
                )}
                <Row k={t('reception.followUpDue')} v={formatDate(e.followUpDue)} />
                <Row k={t('reception.followUpResult')} v={e.followUpResult} />
                {e.status === 'voided' && <Row k={t('reception.status.voided')} v={e.voidReason} />}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
          <Title order={6}>{t('reception.history')}</Title>
          <Timeline bulletSize={14} lineWidth={2} active={0}>
            {data.data!.history.map((h) => (
              <Timeline.Item
                key={h.version}
                title={`${t('reception.version', { version: h.version })} · ${formatDateTime(h.changedAt)} · ${h.changedBy}`}
              >
                <Text size="xs" c="dimmed">
                  {h.reason ? `${h.reason} — ` : ''}
                  {categoryName(h.data.categoryCode)}: {h.data.subject} · {t(`reception.status.${h.data.status}`)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {e.status !== 'voided' && (
            <Group justify="flex-end">
              {canVoid && (
                <Button variant="subtle" color="red" onClick={() => setDialog('void')}>
                  {t('reception.void')}
                </Button>
              )}
              {canWrite && e.status === 'open' && (
                <Button variant="light" onClick={() => setDialog('result')}>
                  {t('reception.setResult')}
                </Button>
              )}
              {canWrite && <Button onClick={() => onCorrect(e)}>{t('reception.correct')}</Button>}
            </Group>
          )}
        </Stack>
      )}
      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'void' ? t('reception.voidTitle') : t('reception.setResult')}
      >
        {dialog === 'void' && <VoidForm id={id} onDone={done} />}
        {dialog === 'result' && <ResultForm id={id} onDone={done} />}
      </FormModal>
    </Modal>
  );
}

function Row({ k, v }: { k: string; v: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w={150} style={{ verticalAlign: 'top' }}>
        {k}
      </Table.Td>
      <Table.Td>{v}</Table.Td>
    </Table.Tr>
  );
}

function VoidForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(z.object({ reason: api['reception.void'].input.shape.reason }), { reason: '' });
  const voidEntry = useCallMutation('reception.void', { invalidates: ENTRY_READS });
  return (
    <GuardedForm
      form={form}
      color="red"
      submitLabel={t('reception.void')}
      onSubmit={async (v) => {
        await voidEntry.mutateAsync({ id, ...v });
        notifySaved(t);
        onDone();
      }}
    >
      <Text size="sm" c="dimmed">
        {t('reception.voidText')}
      </Text>
      <Textarea label={t('fields.reason')} withAsterisk data-autofocus {...form.getInputProps('reason')} />
    </GuardedForm>
  );
}

function ResultForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(z.object({ result: api['reception.setResult'].input.shape.result }), { result: '' });
  const setResult = useCallMutation('reception.setResult', { invalidates: ENTRY_READS });
  return (
    <GuardedForm
      form={form}
      onSubmit={async (v) => {
        await setResult.mutateAsync({ id, ...v });
        notifySaved(t);
        onDone();
      }}
    >
      <Textarea
        label={t('reception.followUpResult')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps('result')}
      />
    </GuardedForm>
  );
}
