import { FILE_READS } from './queries';
import { useCallMutation } from '../../api/hooks';
import {
  ActionIcon,
  Button,
  Checkbox,
  CloseButton,
  Divider,
  FileInput,
  Grid,
  Group,
  Image,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  inGroup,
  type CitizenHit,
  type PersonFile,
  type PersonFileInput,
  type Safe,
  type SessionUser,
  type Station,
  type User,
} from '../../../../shared/api';
import { CATEGORIES, fileInputSchema } from '../../../../shared/api/prevention';
import { isoDay, shortName } from '../../../../shared/format';
import { readDataUrl } from '../../app/files';
import { DateField } from '../../app/DateField';
import { GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm, action, type Draft } from '../../app/forms';
import { CitizenSearch } from '../citizens/CitizenSearch';
import { CitizenFields, EMPTY_CITIZEN, applyTyped, citizenFromHit, KnownCitizen } from '../citizens/CitizenFields';

function initialValues(
  file: PersonFile | null,
  session: SessionUser,
  station: Station,
  safes: Safe[],
  users: User[],
): Draft<PersonFileInput> {
  if (file) {
    const c = file.citizen;
    const {
      categories,
      groundsBody,
      groundsNumber,
      groundsDate,
      restrictions,
      obligations,
      startDate,
      plannedEnd,
      sectionId,
      inspectorId,
      actualAddress,
      phones,
      relations,
      notes,
      custodyPlace,
      safeId,
      shelf,
      controllingInspector,
      photo,
    } = file;
    return {
      citizen: {
        id: c.id,
        iin: c.iin ?? '',
        noIin: c.noIin,
        surname: c.surname,
        name: c.name,
        patronymic: c.patronymic,
        birthDate: c.birthDate,
        sex: c.sex,
        address: c.address,
        phone: c.phone,
      },
      categories,
      groundsBody,
      groundsNumber,
      groundsDate: groundsDate ?? startDate,
      restrictions,
      obligations,
      startDate,
      plannedEnd,
      sectionId,
      inspectorId,
      actualAddress,
      phones,
      relations,
      notes,
      custodyPlace,
      safeId,
      shelf,
      controllingInspector,
      photo,
    };
  }
  const mine = users.find((u) => u.id === session.id)?.sectionIds ?? [];
  const own = station.sections.find((s) => s.active && mine.includes(s.id)) ?? station.sections.find((s) => s.active);
  return {
    citizen: EMPTY_CITIZEN,
    categories: [],
    groundsBody: '',
    groundsNumber: '',
    groundsDate: '',
    restrictions: '',
    obligations: '',
    startDate: isoDay(new Date()),
    plannedEnd: null,
    sectionId: own?.id ?? null,
    // p.2(3): an assistant places a person on record under the inspector he works under
    inspectorId: inGroup('inspectors', session.role)
      ? session.id
      : (users.find((u) => u.id === session.id)?.supervisingInspectorId ?? null),
    actualAddress: '',
    phones: '',
    relations: [],
    notes: '',
    custodyPlace: 'safe',
    safeId: safes.find((s) => s.active)?.id ?? null,
    shelf: '',
    controllingInspector: '',
    photo: null,
  };
}

/** Placing a person on preventive record (p.11), or correcting the file; every change is audited. */
/** The draft name of a new file's form, kept through a lock (issue 15). */
export const NEW_FILE_DRAFT = 'prevention.new';

export function PersonFileForm({
  file,
  session,
  station,
  safes,
  users,
  onDone,
}: {
  file: PersonFile | null;
  session: SessionUser;
  station: Station;
  safes: Safe[];
  users: User[];
  onDone: (saved: PersonFile) => void;
}) {
  const { t } = useTranslation();
  const form = useContractForm(fileInputSchema, initialValues(file, session, station, safes, users));
  const v = form.values;
  const known = v.citizen.id !== null;
  const inspectors = users.filter((u) => u.active && inGroup('inspectors', u.role));

  function pick(hit: CitizenHit) {
    form.setFieldValue('citizen', citizenFromHit(hit));
    form.clearErrors();
  }
  const startNew = (typed: string) => void applyTyped(form, typed, t);
  const create = useCallMutation('prevention.create', { invalidates: FILE_READS });
  const update = useCallMutation('prevention.update', { invalidates: FILE_READS });
  async function save(values: Draft<PersonFileInput>) {
    const input = fileInputSchema.parse(values);
    const saved = file ? await update.mutateAsync({ id: file.id, file: input }) : await create.mutateAsync(input);
    notifySaved(t, file ? undefined : t('prevention.fileTitle', { number: saved.number }));
    onDone(saved);
  }

  return (
    <GuardedForm form={form} onSubmit={save} draft={file ? undefined : NEW_FILE_DRAFT}>
      <Grid gap="lg">
        <Grid.Col span={5}>
          <Stack gap="xs">
            <Divider label={t('prevention.person')} labelPosition="left" />
            {!file && !known && <CitizenSearch onPick={pick} onNew={startNew} />}
            {known && (
              <KnownCitizen
                citizen={v.citizen}
                onClear={file ? undefined : () => form.setFieldValue('citizen', EMPTY_CITIZEN)}
                // a file's own person is corrected with the file; a person picked for a new one only through this
                onCorrected={file ? undefined : (x) => form.setFieldValue('citizen', x)}
              />
            )}
            <CitizenFields form={form} linked={known && !file} />
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('prevention.actualAddress')} {...form.getInputProps('actualAddress')} />
              <TextInput label={t('prevention.phones')} {...form.getInputProps('phones')} />
            </Group>
            <Divider label={t('prevention.relations')} labelPosition="left" />
            {(v.relations ?? []).map((_r, i) => (
              <Group key={i} gap={4} align="flex-start" wrap="nowrap">
                <Select
                  w={120}
                  allowDeselect={false}
                  aria-label={t('prevention.relation')}
                  data={(['relative', 'associate'] as const).map((k) => ({
                    value: k,
                    label: t(`prevention.relationKinds.${k}`),
                  }))}
                  {...form.getInputProps(`relations.${i}.kind`)}
                />
                <TextInput
                  style={{ flex: 2 }}
                  placeholder={t('prevention.relationName')}
                  aria-label={t('prevention.relationName')}
                  {...form.getInputProps(`relations.${i}.fullName`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  placeholder={t('prevention.relation')}
                  aria-label={t('prevention.relation')}
                  {...form.getInputProps(`relations.${i}.relation`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  placeholder={t('reception.phone')}
                  aria-label={t('reception.phone')}
                  {...form.getInputProps(`relations.${i}.phone`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={t('app.cancel')}
                  onClick={() => form.removeListItem('relations', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              w="fit-content"
              onClick={() =>
                form.insertListItem('relations', {
                  kind: 'relative',
                  fullName: '',
                  relation: '',
                  address: '',
                  phone: '',
                })
              }
            >
              {t('prevention.addRelation')}
            </Button>
          </Stack>
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="xs">
            <Divider label={t('prevention.categories')} labelPosition="left" />
            <Checkbox.Group
              value={v.categories}
              onChange={(x) => form.setFieldValue('categories', x as typeof v.categories)}
              error={form.errors.categories}
            >
              <SimpleGrid cols={2} spacing={6} verticalSpacing={6} mt={4}>
                {CATEGORIES.map((k) => (
                  <Checkbox
                    key={k}
                    value={k}
                    label={t(`prevention.categoryShort.${k}`)}
                    title={t(`prevention.categoryFull.${k}`)}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Divider label={t('prevention.grounds')} labelPosition="left" />
            <TextInput label={t('prevention.groundsBody')} withAsterisk {...form.getInputProps('groundsBody')} />
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('prevention.groundsNumber')} withAsterisk {...form.getInputProps('groundsNumber')} />
              <DateField label={t('prevention.groundsDate')} withAsterisk {...form.getInputProps('groundsDate')} />
              <DateField
                label={t('prevention.startDate')}
                withAsterisk
                clearable={false}
                {...form.getInputProps('startDate')}
              />
              <DateField label={t('prevention.plannedEnd')} {...form.getInputProps('plannedEnd')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <Textarea
                label={t('prevention.restrictions')}
                autosize
                minRows={2}
                maxRows={4}
                {...form.getInputProps('restrictions')}
              />
              <Textarea
                label={t('prevention.obligations')}
                autosize
                minRows={2}
                maxRows={4}
                {...form.getInputProps('obligations')}
              />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <Select
                label={t('prevention.section')}
                withAsterisk
                allowDeselect={false}
                data={station.sections.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.number }))}
                value={v.sectionId ? String(v.sectionId) : null}
                onChange={(x) => form.setFieldValue('sectionId', Number(x))}
                error={form.errors.sectionId}
              />
              <Select
                label={t('prevention.inspector')}
                withAsterisk
                searchable
                allowDeselect={false}
                data={inspectors.map((u) => ({ value: String(u.id), label: shortName(u) }))}
                value={v.inspectorId ? String(v.inspectorId) : null}
                onChange={(x) => form.setFieldValue('inspectorId', Number(x))}
                error={form.errors.inspectorId}
              />
            </Group>
            <Divider label={t('prevention.custodyPlace')} labelPosition="left" />
            <SegmentedControl
              value={v.custodyPlace ?? 'safe'}
              onChange={(x) => form.setFieldValue('custodyPlace', x as 'safe' | 'policeBody')}
              data={(['safe', 'policeBody'] as const).map((k) => ({
                value: k,
                label: t(`prevention.custodyPlaces.${k}`),
              }))}
            />
            {v.custodyPlace === 'policeBody' ? (
              <TextInput
                label={t('prevention.controllingInspector')}
                withAsterisk
                {...form.getInputProps('controllingInspector')}
              />
            ) : (
              <Group grow gap="xs" align="flex-start">
                <Select
                  label={t('prevention.safe')}
                  withAsterisk
                  allowDeselect={false}
                  data={safes.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name }))}
                  value={v.safeId ? String(v.safeId) : null}
                  onChange={(x) => form.setFieldValue('safeId', Number(x))}
                  // none to choose: say who adds them (issue 15)
                  error={form.errors.safeId ?? (safes.some((s) => s.active) ? undefined : t('prevention.noSafes'))}
                />
                <TextInput label={t('prevention.shelf')} {...form.getInputProps('shelf')} />
              </Group>
            )}
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <Textarea
                style={{ flex: 1 }}
                label={t('prevention.notes')}
                autosize
                minRows={1}
                maxRows={3}
                {...form.getInputProps('notes')}
              />
              <Stack gap={4} w={190}>
                <FileInput
                  label={t('prevention.photo')}
                  accept="image/jpeg,image/png"
                  clearable
                  value={null}
                  placeholder={v.photo ? '✓' : ''}
                  error={form.errors.photo}
                  onChange={action(t, async (f: File | null) =>
                    form.setFieldValue('photo', f ? await readDataUrl(f) : null),
                  )}
                />
                {v.photo && (
                  <Group gap={4} wrap="nowrap">
                    <Image src={v.photo} h={60} w={48} fit="cover" radius="sm" alt="" />
                    <CloseButton
                      size="sm"
                      aria-label={t('app.cancel')}
                      onClick={() => form.setFieldValue('photo', null)}
                    />
                  </Group>
                )}
              </Stack>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </GuardedForm>
  );
}
