import { USER_READS } from './queries';
import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconKey, IconPencil, IconPlus, IconUserOff } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { UseFormReturnType } from '@mantine/form';
import { api, inGroup, ROLES, type SessionUser, type User } from '../../../../shared/api';
import { grantsFileAccess, needsConfirmation, readsPersonFiles } from '../../../../shared/rules/access';
import { fullName, shortName } from '../../../../shared/format';
import { useCall, useCallMutation } from '../../api/hooks';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { DateField } from '../../app/DateField';
import { notifySaved, useContractForm } from '../../app/forms';

type Dialog =
  { kind: 'edit'; user: User | null } | { kind: 'reset'; user: User } | { kind: 'deactivate'; user: User } | null;

/** Users (administrator, UPP lead): add with a temporary password, edit, reset, deactivate. */
export function UsersScreen({ session }: { session: SessionUser }) {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useCall('users.list', { includeInactive: showInactive });
  const station = useCall('station.get', {});
  const sectionNumber = (id: number) => station.data?.sections.find((s) => s.id === id)?.number ?? String(id);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('users.title')}</Title>
        <Group>
          <Switch
            label={t('users.showInactive')}
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
          />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'edit', user: null })}>
            {t('users.add')}
          </Button>
        </Group>
      </Group>
      <DataTable
        withTableBorder
        striped
        highlightOnHover
        minHeight={150}
        noRecordsText={t('app.noRecords')}
        records={users.data ?? []}
        fetching={users.isLoading}
        columns={[
          {
            accessor: 'surname',
            title: t('fields.surname'),
            render: (u) => (
              <Text size="sm" fw={500}>
                {fullName(u)}
              </Text>
            ),
          },
          { accessor: 'login', title: t('fields.login') },
          {
            accessor: 'role',
            title: t('fields.role'),
            render: (u) => {
              // p.2(3): an assistant with the inspector he works under
              const boss = users.data?.find((x) => x.id === u.supervisingInspectorId);
              return boss
                ? `${t(`roles.${u.role}`)} (${t('users.underSupervision', { name: shortName(boss) })})`
                : t(`roles.${u.role}`);
            },
          },
          { accessor: 'rank', title: t('fields.rank') },
          {
            accessor: 'sectionIds',
            title: t('fields.sections'),
            render: (u) => u.sectionIds.map(sectionNumber).join(', '),
          },
          {
            accessor: 'active',
            title: '',
            render: (u) => (
              <Group gap={4}>
                {!u.active && <Badge color="gray">{t('users.inactive')}</Badge>}
                {u.active && u.mustChangePassword && (
                  <Badge color="yellow" variant="light">
                    {t('users.mustChange')}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            textAlign: 'right',
            render: (u) =>
              u.active && (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('app.edit')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('app.edit')} ${u.login}`}
                      onClick={() => setDialog({ kind: 'edit', user: u })}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('users.resetPassword')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('users.resetPassword')} ${u.login}`}
                      onClick={() => setDialog({ kind: 'reset', user: u })}
                    >
                      <IconKey size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {u.id !== session.id && (
                    <Tooltip label={t('users.deactivate')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('users.deactivate')} ${u.login}`}
                        onClick={() => setDialog({ kind: 'deactivate', user: u })}
                      >
                        <IconUserOff size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              ),
          },
        ]}
      />
      <FormModal
        opened={dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' && dialog.user ? t('users.editTitle') : t('users.add')}
        size="lg"
      >
        {dialog?.kind === 'edit' && (
          <UserForm
            user={dialog.user}
            session={session}
            sections={station.data?.sections ?? []}
            inspectors={(users.data ?? []).filter((u) => u.active && inGroup('inspectors', u.role))}
            onDone={() => setDialog(null)}
          />
        )}
      </FormModal>
      <FormModal opened={dialog?.kind === 'reset'} onClose={() => setDialog(null)} title={t('users.resetPassword')}>
        {dialog?.kind === 'reset' && <ResetForm user={dialog.user} session={session} onDone={() => setDialog(null)} />}
      </FormModal>
      <FormModal
        opened={dialog?.kind === 'deactivate'}
        onClose={() => setDialog(null)}
        title={t('users.deactivateTitle')}
      >
        {dialog?.kind === 'deactivate' && <DeactivateForm user={dialog.user} onDone={() => setDialog(null)} />}
      </FormModal>
    </Stack>
  );
}

function UserForm({
  user,
  session,
  sections,
  inspectors,
  onDone,
}: {
  user: User | null;
  session: SessionUser;
  sections: { id: number; number: string }[];
  inspectors: User[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const updateCall = useCallMutation('users.update', { invalidates: USER_READS });
  const createCall = useCallMutation('users.create', { invalidates: USER_READS });
  const form = useContractForm(user ? api['users.update'].input : api['users.create'].input, {
    surname: user?.surname ?? '',
    name: user?.name ?? '',
    patronymic: user?.patronymic ?? '',
    rank: user?.rank ?? '',
    position: user?.position ?? '',
    role: user?.role ?? 'inspector',
    sectionIds: user?.sectionIds ?? [],
    supervisingInspectorId: user?.supervisingInspectorId ?? null,
    appointedOn: user?.appointedOn ?? null,
    appointmentOrder: user?.appointmentOrder ?? '',
    id: user?.id,
    login: user?.login ?? '',
    temporaryPassword: '',
    confirmation: null as Confirmation,
  });
  const confirmationNeeded = needsConfirmation(
    session.role,
    grantsFileAccess(user, { role: form.values.role, sectionIds: form.values.sectionIds }),
  );
  async function save({ id: _id, login, temporaryPassword, ...common }: typeof form.values) {
    if (user) await updateCall.mutateAsync({ id: user.id, ...common });
    else await createCall.mutateAsync({ ...common, login, temporaryPassword });
    notifySaved(t, user ? undefined : t('users.created'));
    onDone();
  }
  return (
    <GuardedForm form={form} onSubmit={save}>
      <Group grow align="flex-start">
        <TextInput label={t('fields.surname')} withAsterisk data-autofocus {...form.getInputProps('surname')} />
        <TextInput label={t('fields.name')} withAsterisk {...form.getInputProps('name')} />
      </Group>
      <TextInput label={t('fields.patronymic')} {...form.getInputProps('patronymic')} />
      <Group grow align="flex-start">
        <TextInput label={t('fields.rank')} {...form.getInputProps('rank')} />
        <TextInput label={t('fields.position')} {...form.getInputProps('position')} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('fields.role')}
          allowDeselect={false}
          disabled={user?.id === session.id}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          {...form.getInputProps('role')}
        />
        <MultiSelect
          label={t('fields.sections')}
          searchable
          data={sections.map((s) => ({ value: String(s.id), label: s.number }))}
          value={form.values.sectionIds.map(String)}
          onChange={(v) => form.setFieldValue('sectionIds', v.map(Number))}
          error={form.errors.sectionIds}
        />
      </Group>
      {inGroup('sectionStaff', form.values.role) && (
        // p.5: the door-to-door tour is due a month after the appointment to the post
        <Group grow align="flex-start">
          <DateField label={t('users.appointedOn')} {...form.getInputProps('appointedOn')} />
          <TextInput label={t('users.appointmentOrder')} {...form.getInputProps('appointmentOrder')} />
        </Group>
      )}
      {form.values.role === 'assistant' && (
        <Select
          label={t('users.supervisingInspector')}
          withAsterisk
          searchable
          data={inspectors.filter((u) => u.id !== user?.id).map((u) => ({ value: String(u.id), label: fullName(u) }))}
          value={form.values.supervisingInspectorId ? String(form.values.supervisingInspectorId) : null}
          onChange={(v) => form.setFieldValue('supervisingInspectorId', v ? Number(v) : null)}
          error={form.errors.supervisingInspectorId}
        />
      )}
      {!user && (
        <Group grow align="flex-start">
          <TextInput label={t('fields.login')} withAsterisk autoComplete="off" {...form.getInputProps('login')} />
          <PasswordInput
            label={t('fields.temporaryPassword')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('temporaryPassword')}
          />
        </Group>
      )}
      <ConfirmAccess form={form} needed={confirmationNeeded} />
    </GuardedForm>
  );
}

type Confirmation = { login: string; password: string } | null;

/**
 * The login and password of the UPP lead or a chief, asked of an administrator whose change lets an account read
 * person files (shared/rules/access.ts); the field is null while no confirmation is needed.
 */
function ConfirmAccess<V extends { confirmation: Confirmation }>({
  form,
  needed,
}: {
  form: UseFormReturnType<V>;
  needed: boolean;
}) {
  const { t } = useTranslation();
  const shown = form.values.confirmation !== null;
  useEffect(() => {
    if (needed !== shown) form.setFieldValue('confirmation', (needed ? { login: '', password: '' } : null) as never);
  }, [needed, shown, form]);
  if (!needed || !shown) return null;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-orange-light)">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('users.confirm.title')}
        </Text>
        <Text size="xs">{t('users.confirm.hint')}</Text>
        <Group grow align="flex-start">
          <TextInput
            label={t('users.confirm.login')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('confirmation.login')}
          />
          <PasswordInput
            label={t('users.confirm.password')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('confirmation.password')}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

function ResetForm({ user, session, onDone }: { user: User; session: SessionUser; onDone: () => void }) {
  const { t } = useTranslation();
  const resetPasswordCall = useCallMutation('users.resetPassword', { invalidates: USER_READS });
  const shape = api['users.resetPassword'].input.shape;
  const needed = needsConfirmation(session.role, readsPersonFiles(user.role));
  const form = useContractForm(
    z.object({ temporaryPassword: shape.temporaryPassword, confirmation: shape.confirmation }),
    {
      temporaryPassword: '',
      confirmation: (needed ? { login: '', password: '' } : null) as Confirmation,
    },
  );
  async function reset(v: typeof form.values) {
    await resetPasswordCall.mutateAsync({ id: user.id, ...v });
    notifySaved(t, t('users.passwordReset'));
    onDone();
  }
  return (
    <GuardedForm form={form} onSubmit={reset} submitLabel={t('users.resetPassword')}>
      <Text>
        {fullName(user)} ({user.login})
      </Text>
      <PasswordInput
        label={t('fields.temporaryPassword')}
        data-autofocus
        autoComplete="new-password"
        {...form.getInputProps('temporaryPassword')}
      />
      <ConfirmAccess form={form} needed={needed} />
    </GuardedForm>
  );
}

function DeactivateForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const deactivateCall = useCallMutation('users.deactivate', { invalidates: USER_READS });
  const form = useContractForm(z.object({ reason: api['users.deactivate'].input.shape.reason }), { reason: '' });
  async function deactivate(v: typeof form.values) {
    await deactivateCall.mutateAsync({ id: user.id, ...v });
    notifySaved(t);
    onDone();
  }
  return (
    <GuardedForm form={form} onSubmit={deactivate} submitLabel={t('users.deactivate')} color="red">
      <Text>
        {fullName(user)} ({user.login})
      </Text>
      <Text size="sm" c="dimmed">
        {t('users.deactivateText')}
      </Text>
      <Textarea label={t('fields.reason')} withAsterisk data-autofocus {...form.getInputProps('reason')} />
    </GuardedForm>
  );
}
