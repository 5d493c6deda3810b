import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Image,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  api,
  canCall,
  type Language,
  type Passport,
  type PassportObject,
  type SessionUser,
} from '../../../../shared/api';
import { DateField } from '../../app/DateField';
import {
  CHARACTERISTICS,
  HEADING_ROWS,
  OBJECT_FIELDS,
  OBJECT_PARTS,
  PENCIL_FIELDS,
  objectFieldLabel,
  type ObjectPart,
} from '../../../../shared/api/passport';
import { PlaceForm, PlaceList } from '../tours/ToursScreen';
import { formatDate } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall, callKey, useCallMutation } from '../../api/hooks';
import { readDataUrl } from '../../app/files';
import { FormModal, GuardedForm, useCloseGuard } from '../../app/FormModal';
import { notifySaved, showApiError, useContractForm, action } from '../../app/forms';
import { z } from 'zod';
import { requiredText } from '../../../../shared/api/contract';
import { openPreview } from '../../app/print/openPreview';
import { PrintMenu } from '../../app/print/PrintMenu';

/** The section's electronic passport (Appendix 1): §1 acts, §3 by years, §4–§6 objects. */
export function PassportScreen({
  session,
  sectionParam,
  go,
}: {
  session: SessionUser;
  sectionParam: number | null;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const station = useCall('station.get', {});
  const users = useCall('users.list', { includeInactive: false });
  const mine = users.data?.find((u) => u.id === session.id)?.sectionIds[0];
  const sectionId = sectionParam ?? mine ?? station.data?.sections.find((s) => s.active)?.id ?? null;
  const passport = useCall('passport.get', { sectionId: sectionId! }, { enabled: sectionId !== null });
  const acts = useCall('handover.list', { sectionId }, { enabled: sectionId !== null });
  // App 1 has the pencil columns: they print unless unticked
  const [withPencil, setWithPencil] = useState(true);
  const [addingPlace, setAddingPlace] = useState(false);
  const [editing, setEditing] = useState<{ part: ObjectPart; object: PassportObject | null } | null>(null);
  const [removing, setRemoving] = useState<PassportObject | null>(null);
  const writes = canCall(session.role, 'passport.saveYear');
  const removeForm = useContractForm(z.object({ reason: requiredText(300) }), { reason: '' });
  const set = (p: Passport) => {
    qc.setQueryData(callKey('passport.get', { sectionId: p.sectionId }), p);
    void qc.invalidateQueries({ queryKey: callKey('today.list') });
  };
  const removeObject = useCallMutation('passport.removeObject', { onSuccess: set });
  const print = (language: Language) =>
    openPreview({
      title: t('passport.title'),
      language,
      switches: [{ key: 'withPencil', label: t('passport.withPencil'), value: withPencil }],
      load: (c) =>
        call('passport.print', { sectionId: sectionId!, language: c.language, withPencil: !!c.switches.withPencil }),
    });
  const p = passport.data;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>{t('passport.title')}</Title>
          <Select
            aria-label={t('passport.section')}
            w={110}
            allowDeselect={false}
            data={(station.data?.sections ?? []).map((s) => ({ value: String(s.id), label: s.number }))}
            value={sectionId ? String(sectionId) : null}
            onChange={(v) => v && go(`/passport/${v}`)}
          />
        </Group>
        <Group gap="xs">
          <Checkbox
            size="xs"
            label={t('passport.withPencil')}
            checked={withPencil}
            onChange={(e) => setWithPencil(e.currentTarget.checked)}
          />
          <PrintMenu
            label={t('prevention.print')}
            disabled={!p}
            choices={[
              { label: t('reception.printKk'), onClick: () => void print('kk') },
              { label: t('reception.printRu'), onClick: () => void print('ru') },
            ]}
          />
        </Group>
      </Group>
      {p && (
        <Tabs defaultValue="s3" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="s1">{t('passport.tabs.s1')}</Tabs.Tab>
            <Tabs.Tab value="s2">{t('passport.planTab')}</Tabs.Tab>
            <Tabs.Tab value="s3">{t('passport.tabs.s3')}</Tabs.Tab>
            {OBJECT_PARTS.map((part) => (
              <Tabs.Tab key={part} value={part}>
                {t(`passport.tabs.${part}`)} ({p.objects.filter((o) => o.part === part).length})
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="places">{t('passport.tabs.places')}</Tabs.Tab>
          </Tabs.List>
          {/* p.22(14): the register of places where offences concentrate, kept with the passport */}
          <Tabs.Panel value="places" pt="sm">
            <Stack gap="xs">
              {canCall(session.role, 'tours.savePlace') && (
                <Button w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setAddingPlace(true)}>
                  {t('tours.place.add')}
                </Button>
              )}
              <PlaceList sectionId={p.sectionId} writes={canCall(session.role, 'tours.removePlace')} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="s1" pt="sm">
            <CoverPanel passport={p} writes={writes} onSaved={set} />
            {(acts.data ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('passport.noActs')}
              </Text>
            ) : (
              <Table striped withTableBorder>
                <Table.Tbody>
                  {(acts.data ?? []).map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td w={110}>{formatDate(a.date)}</Table.Td>
                      <Table.Td>
                        {a.from || t('handover.vacant')} → {a.to}
                      </Table.Td>
                      <Table.Td>{a.superior}</Table.Td>
                      <Table.Td>{a.remarks}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {p.tourNotes.length > 0 && (
              <Stack gap={2} mt="sm">
                <Text size="sm" fw={600}>
                  {t('doc.passport.tour')}
                </Text>
                {p.tourNotes.map((n, i) => (
                  <Text key={i} size="sm">
                    {formatDate(n.date)}, {n.address}: {n.note}
                  </Text>
                ))}
              </Stack>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="s2" pt="sm">
            <PlanPanel passport={p} writes={writes} onSaved={set} />
          </Tabs.Panel>
          <Tabs.Panel value="s3" pt="sm">
            <Characteristics passport={p} writes={writes} onSaved={set} />
          </Tabs.Panel>
          {OBJECT_PARTS.map((part) => (
            <Tabs.Panel key={part} value={part} pt="sm">
              <Stack gap="xs">
                {writes && (
                  <Button
                    w="fit-content"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setEditing({ part, object: null })}
                  >
                    {t('passport.addObject')}
                  </Button>
                )}
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={30}>№</Table.Th>
                      {OBJECT_FIELDS[part].map((f) => (
                        <Table.Th key={f} fz="xs">
                          {t(objectFieldLabel(part, f))}
                          {PENCIL_FIELDS.includes(f) && (
                            <Badge ml={4} size="xs" variant="outline" color="gray">
                              {t('passport.pencil')}
                            </Badge>
                          )}
                        </Table.Th>
                      ))}
                      <Table.Th w={70} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.objects
                      .filter((o) => o.part === part)
                      .map((o, n) => (
                        <Table.Tr key={o.id} data-testid="passport-object">
                          <Table.Td>{n + 1}</Table.Td>
                          {OBJECT_FIELDS[part].map((f) => (
                            <Table.Td key={f} c={PENCIL_FIELDS.includes(f) ? 'dimmed' : undefined}>
                              {o.fields[f] ?? ''}
                            </Table.Td>
                          ))}
                          <Table.Td>
                            {writes && (
                              <Group gap={2} wrap="nowrap">
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={t('app.edit')}
                                  onClick={() => setEditing({ part, object: o })}
                                >
                                  <IconPencil size={14} />
                                </ActionIcon>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  aria-label={t('passport.remove')}
                                  onClick={() => setRemoving(o)}
                                >
                                  <IconTrash size={14} />
                                </ActionIcon>
                              </Group>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <FormModal opened={addingPlace} onClose={() => setAddingPlace(false)} title={t('tours.place.add')} size={620}>
        {p && <PlaceForm sectionId={p.sectionId} onDone={() => setAddingPlace(false)} />}
      </FormModal>
      <FormModal opened={removing !== null} onClose={() => setRemoving(null)} size="md" title={t('passport.remove')}>
        {removing && p && (
          <GuardedForm
            form={removeForm}
            color="red"
            submitLabel={t('passport.remove')}
            onSubmit={async (v) => {
              await removeObject.mutateAsync({ sectionId: p.sectionId, id: removing.id, reason: v.reason });
              setRemoving(null);
              removeForm.reset();
            }}
          >
            <Text size="sm">{removing.fields.name}</Text>
            <TextInput
              label={t('passport.removeReason')}
              withAsterisk
              data-autofocus
              {...removeForm.getInputProps('reason')}
            />
          </GuardedForm>
        )}
      </FormModal>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="lg"
        title={editing ? t(`passport.tabs.${editing.part}`) : ''}
      >
        {editing && p && (
          <ObjectForm
            sectionId={p.sectionId}
            part={editing.part}
            object={editing.object}
            onDone={(x) => {
              set(x);
              setEditing(null);
              notifySaved(t);
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}

/** §3: the rows of the form against the years; one year's column is edited at a time. */
function Characteristics({
  passport,
  writes,
  onSaved,
}: {
  passport: Passport;
  writes: boolean;
  onSaved: (p: Passport) => void;
}) {
  const { t } = useTranslation();
  const nextJanuary = new Date().getMonth() === 11 ? new Date().getFullYear() + 1 : new Date().getFullYear();
  const [year, setYear] = useState(nextJanuary);
  // the filled years and the one being edited, at most four columns as on the form
  const years = [...new Set([...passport.years, year])].sort((a, b) => a - b).slice(-4);
  const choices = [...new Set([...passport.years, ...Array.from({ length: 6 }, (_x, i) => nextJanuary - 4 + i)])].sort(
    (a, b) => b - a,
  );
  const [draft, setDraft] = useState<Record<string, number | null>>(passport.values[String(year)] ?? {});
  const saveYear = useCallMutation('passport.saveYear', {
    onSuccess: (p) => {
      onSaved(p);
      notifySaved(t);
    },
    onError: (e) => showApiError(t, e),
  });
  const choose = (y: number) => {
    setYear(y);
    setDraft(passport.values[String(y)] ?? {});
  };
  let n = 0;
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <Select
          label={t('passport.year')}
          w={200}
          allowDeselect={false}
          data={choices.map((y) => ({ value: String(y), label: `01.01.${y}` }))}
          value={String(year)}
          onChange={(v) => v && choose(Number(v))}
        />
        {writes && (
          <Button
            loading={saveYear.isPending}
            onClick={() => saveYear.mutate({ sectionId: passport.sectionId, year, values: draft })}
          >
            {t('passport.saveYear')}
          </Button>
        )}
      </Group>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={30}>№</Table.Th>
            <Table.Th>{t('doc.passport.name')}</Table.Th>
            {years
              .filter((y) => y !== year)
              .map((y) => (
                <Table.Th key={y} w={110} ta="right">
                  01.01.{y}
                </Table.Th>
              ))}
            <Table.Th w={150} ta="right">
              01.01.{year}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CHARACTERISTICS.map(([code, level]) => {
            if (level === 0) n++;
            const heading = HEADING_ROWS.includes(code);
            return (
              <Table.Tr key={code}>
                <Table.Td>{level === 0 ? n : ''}</Table.Td>
                <Table.Td pl={level ? 28 : undefined} fw={level === 0 ? 600 : undefined}>
                  {t(`passport.rows.${code}`)}
                </Table.Td>
                {years
                  .filter((y) => y !== year)
                  .map((y) => (
                    <Table.Td key={y} ta="right" c="dimmed">
                      {heading ? '' : (passport.values[String(y)]?.[code]?.toLocaleString('ru-RU') ?? '')}
                    </Table.Td>
                  ))}
                <Table.Td py={2}>
                  {!heading &&
                    (writes ? (
                      <NumberInput
                        size="xs"
                        aria-label={`${t(`passport.rows.${code}`)}, 01.01.${year}`}
                        min={0}
                        decimalSeparator=","
                        thousandSeparator=" "
                        hideControls
                        value={draft[code] ?? ''}
                        onChange={(v) => setDraft((d) => ({ ...d, [code]: typeof v === 'number' ? v : null }))}
                      />
                    ) : (
                      <Text size="sm" ta="right">
                        {draft[code]?.toLocaleString('ru-RU') ?? ''}
                      </Text>
                    ))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function ObjectForm({
  sectionId,
  part,
  object,
  onDone,
}: {
  sectionId: number;
  part: ObjectPart;
  object: PassportObject | null;
  onDone: (p: Passport) => void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Record<string, string>>(object?.fields ?? {});
  const [error, setError] = useState<string | null>(null);
  const saveObject = useCallMutation('passport.saveObject', { onSuccess: onDone, onError: (e) => showApiError(t, e) });
  const close = useCloseGuard(JSON.stringify(fields) !== JSON.stringify(object?.fields ?? {}));
  function save() {
    if (!(fields.name ?? '').trim()) return setError(t('validation.required'));
    saveObject.mutate({ sectionId, id: object?.id ?? null, part, fields });
  }
  return (
    <Stack gap="xs">
      {OBJECT_FIELDS[part].map((f) => {
        // the value is read at the event; the updater runs later, when the event is gone
        const props = {
          label: t(objectFieldLabel(part, f)),
          value: fields[f] ?? '',
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
            const value = e.currentTarget.value;
            setFields((x) => ({ ...x, [f]: value }));
            if (f === 'name') setError(null);
          },
        };
        return PENCIL_FIELDS.includes(f) ? (
          <Textarea key={f} {...props} description={t('passport.pencilHint')} autosize minRows={2} />
        ) : (
          <TextInput
            key={f}
            {...props}
            withAsterisk={f === 'name'}
            error={f === 'name' ? error : undefined}
            data-autofocus={f === 'name' || undefined}
          />
        );
      })}
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {t('app.cancel')}
        </Button>
        <Button loading={saveObject.isPending} onClick={save}>
          {t('app.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** §2: the plan of the section, an image with its note. */
function PlanPanel({
  passport,
  writes,
  onSaved,
}: {
  passport: Passport;
  writes: boolean;
  onSaved: (p: Passport) => void;
}) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(passport.plan?.image ?? null);
  const [note, setNote] = useState(passport.plan?.note ?? '');
  const savePlan = useCallMutation('passport.savePlan', {
    onSuccess: (p) => {
      onSaved(p);
      notifySaved(t);
    },
    onError: (e) => showApiError(t, e),
  });
  return (
    <Stack gap="xs">
      {writes && (
        <FileInput
          label={t('passport.planImage')}
          accept="image/png,image/jpeg"
          clearable
          value={null}
          placeholder={image ? '✓' : ''}
          onChange={action(t, async (f: File | null) => setImage(f ? await readDataUrl(f) : null))}
        />
      )}
      {image && <Image src={image} alt="" mah={360} fit="contain" radius="sm" data-testid="plan-image" />}
      <Textarea
        label={t('passport.planNote')}
        autosize
        minRows={2}
        readOnly={!writes}
        value={note}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setNote(v);
        }}
      />
      {writes && (
        <Group>
          <Button
            loading={savePlan.isPending}
            onClick={() => savePlan.mutate({ sectionId: passport.sectionId, image, note })}
          >
            {t('passport.savePlan')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** App 1's cover: started, finished, how long kept, as the paper's cover is filled in. */
function CoverPanel({
  passport,
  writes,
  onSaved,
}: {
  passport: Passport;
  writes: boolean;
  onSaved: (p: Passport) => void;
}) {
  const { t } = useTranslation();
  const save = useCallMutation('passport.saveCover', {
    onSuccess: (p) => {
      onSaved(p);
      notifySaved(t);
    },
  });
  const form = useContractForm(api['passport.saveCover'].input, {
    sectionId: passport.sectionId,
    ...passport.cover,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onError: (e) => showApiError(t, e, form), onSuccess: () => form.resetDirty(v) }),
      )}
    >
      <Group gap="xs" align="flex-start" mb="sm">
        <Text size="sm" fw={600} mt={30} w={90}>
          {t('passport.cover')}
        </Text>
        <DateField w={150} label={t('passport.startedOn')} readOnly={!writes} {...form.getInputProps('startedOn')} />
        <DateField w={150} label={t('passport.endedOn')} readOnly={!writes} {...form.getInputProps('endedOn')} />
        <TextInput w={180} label={t('passport.retention')} readOnly={!writes} {...form.getInputProps('retention')} />
        {writes && (
          <Button type="submit" mt={25} variant="light" loading={save.isPending} disabled={!form.isDirty()}>
            {t('passport.saveCover')}
          </Button>
        )}
      </Group>
    </form>
  );
}
