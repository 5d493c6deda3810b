import { useState } from 'react';
import { draftWaits } from '../../app/drafts';
import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  MultiSelect,
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
import { IconMapPin, IconPrinter, IconWalk } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, canCall, type Language, type OffencePlace, type SessionUser, type Tour } from '../../../../shared/api';
import { PLACE_KINDS, placeInputSchema, tourInputSchema } from '../../../../shared/api/tours';
import { formatDate, isoDay } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, showApiError, useContractForm } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { readDataUrl } from '../../app/files';
import { TOUR_READS } from './queries';

/** A tour being written, kept through a lock (issue 15). */
const TOUR_DRAFT = 'tours.new';

/**
 * The daily tour of the section (p.22(14)): the day's tour written (and with it the notebook entry, p.20), the register
 * of places where offences concentrate, the information sheet and the business cards.
 */
export function ToursScreen({ session }: { session: SessionUser }) {
  const { t } = useTranslation();
  const writes = canCall(session.role, 'tours.record');
  const contact = useCall('tours.contact', {}, { enabled: writes });
  const station = useCall('station.get', {});
  const mine = contact.data?.sectionIds ?? [];
  const sections = (station.data?.sections ?? []).filter((s) => s.active && (!writes || mine.includes(s.id)));
  const [sectionId, setSectionId] = useState<number | null>(null);
  const section = sectionId ?? sections[0]?.id ?? null;
  const [dialog, setDialog] = useState<'tour' | 'place' | null>(() => (draftWaits(TOUR_DRAFT) ? 'tour' : null));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={3}>{t('tours.title')}</Title>
          <Select
            label={t('tours.section')}
            w={140}
            allowDeselect={false}
            data={sections.map((s) => ({ value: String(s.id), label: s.number }))}
            value={section !== null ? String(section) : null}
            onChange={(v) => setSectionId(Number(v))}
          />
        </Group>
        {writes && section !== null && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconMapPin size={16} />} onClick={() => setDialog('place')}>
              {t('tours.place.add')}
            </Button>
            <Button leftSection={<IconWalk size={16} />} onClick={() => setDialog('tour')}>
              {t('tours.record')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed" maw={1000}>
        {t('tours.intro')}
      </Text>
      {section !== null && (
        <Tabs defaultValue="tour" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="tour">{t('tours.tabs.tour')}</Tabs.Tab>
            <Tabs.Tab value="places">{t('tours.tabs.places')}</Tabs.Tab>
            {writes && <Tabs.Tab value="print">{t('tours.tabs.print')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="tour" pt="sm">
            <TourList sectionId={section} />
          </Tabs.Panel>
          <Tabs.Panel value="places" pt="sm">
            <PlaceList sectionId={section} writes={writes} />
          </Tabs.Panel>
          {writes && (
            <Tabs.Panel value="print" pt="sm">
              <PrintPanel phone={contact.data?.phone ?? ''} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
      <FormModal opened={dialog === 'tour'} onClose={() => setDialog(null)} title={t('tours.record')} size={760}>
        {section !== null && <TourForm sectionId={section} onDone={() => setDialog(null)} />}
      </FormModal>
      <FormModal opened={dialog === 'place'} onClose={() => setDialog(null)} title={t('tours.place.add')} size={620}>
        {section !== null && <PlaceForm sectionId={section} onDone={() => setDialog(null)} />}
      </FormModal>
    </Stack>
  );
}

function TourForm({ sectionId, onDone }: { sectionId: number; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const places = useCall('tours.places', { sectionId });
  const record = useCallMutation('tours.record', { invalidates: TOUR_READS });
  const form = useContractForm(tourInputSchema, {
    sectionId,
    date: isoDay(new Date()),
    placeIds: [] as number[],
    addresses: '',
    survey: '',
    conversations: '',
    cardsGiven: 0,
    sheetsPosted: 0,
    sheetsWhere: '',
    findings: '',
    language: i18n.language as Language,
  });
  const open = (places.data ?? []).filter((p) => p.removedOn === null);
  return (
    <GuardedForm
      form={form}
      draft={TOUR_DRAFT}
      submitLabel={t('tours.record')}
      onSubmit={async (v) => {
        const tour = await record.mutateAsync(tourInputSchema.parse(v));
        notifySaved(t, t('tours.recorded', { number: tour.notebookNumber }));
        onDone();
      }}
    >
      <Group grow align="flex-start">
        <DateField label={t('tours.date')} withAsterisk clearable={false} {...form.getInputProps('date')} />
        <MultiSelect
          label={t('tours.placeIds')}
          searchable
          data={open.map((p) => ({ value: String(p.id), label: p.address }))}
          value={form.values.placeIds.map(String)}
          onChange={(v) => form.setFieldValue('placeIds', v.map(Number))}
          error={form.errors.placeIds}
        />
      </Group>
      {/* the day is today's and the places are picked from a list: the typing starts here */}
      <Textarea label={t('tours.addresses')} autosize minRows={1} data-autofocus {...form.getInputProps('addresses')} />
      <Textarea label={t('tours.survey')} autosize minRows={2} {...form.getInputProps('survey')} />
      <Textarea label={t('tours.conversations')} autosize minRows={1} {...form.getInputProps('conversations')} />
      <Group grow align="flex-start">
        <NumberInput label={t('tours.cardsGiven')} min={0} {...form.getInputProps('cardsGiven')} />
        <NumberInput label={t('tours.sheetsPosted')} min={0} {...form.getInputProps('sheetsPosted')} />
      </Group>
      {form.values.sheetsPosted > 0 && (
        <TextInput label={t('tours.sheetsWhere')} withAsterisk {...form.getInputProps('sheetsWhere')} />
      )}
      <Textarea label={t('tours.findings')} autosize minRows={2} {...form.getInputProps('findings')} />
    </GuardedForm>
  );
}

function TourList({ sectionId }: { sectionId: number }) {
  const { t } = useTranslation();
  const from = dayjs().subtract(30, 'day').format('YYYY-MM-DD');
  const tours = useCall('tours.list', { from, to: isoDay(new Date()) });
  const rows = (tours.data ?? []).filter((x: Tour) => x.sectionId === sectionId);
  if (tours.data && rows.length === 0) return <Text size="sm">{t('tours.none')}</Text>;
  return (
    <Table striped withTableBorder data-testid="tour-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={100}>{t('tours.date')}</Table.Th>
          <Table.Th w={140}>{t('staff.person')}</Table.Th>
          <Table.Th>{t('tours.placeIds')}</Table.Th>
          <Table.Th>{t('tours.findings')}</Table.Th>
          <Table.Th w={170}>{t('tours.handedOutHead')}</Table.Th>
          <Table.Th w={120} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{formatDate(r.date)}</Table.Td>
            <Table.Td>{r.owner}</Table.Td>
            <Table.Td>{[...r.places.map((p) => p.address), r.addresses].filter(Boolean).join('; ')}</Table.Td>
            <Table.Td>{r.findings}</Table.Td>
            <Table.Td>{t('tours.handedOut', { cards: r.cardsGiven, sheets: r.sheetsPosted })}</Table.Td>
            <Table.Td>
              <Anchor size="sm" href={`#/notebook/${r.ownerId}/${r.notebookEntryId}`}>
                {t('tours.entryNumber', { number: r.notebookNumber })}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The section's register of places where offences concentrate (p.22(14)); the passport shows it too. */
export function PlaceList({ sectionId, writes }: { sectionId: number; writes: boolean }) {
  const { t } = useTranslation();
  const places = useCall('tours.places', { sectionId });
  const [removing, setRemoving] = useState<OffencePlace | null>(null);
  if (places.data?.length === 0) return <Text size="sm">{t('tours.place.empty')}</Text>;
  return (
    <>
      <Table striped withTableBorder data-testid="place-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tours.place.address')}</Table.Th>
            <Table.Th w={190}>{t('tours.place.kind')}</Table.Th>
            <Table.Th>{t('tours.place.reason')}</Table.Th>
            <Table.Th w={110}>{t('tours.place.since')}</Table.Th>
            <Table.Th w={130}>{t('tours.place.lastVisit')}</Table.Th>
            {writes && <Table.Th w={110} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(places.data ?? []).map((p) => (
            <Table.Tr key={p.id} c={p.removedOn ? 'dimmed' : undefined}>
              <Table.Td>
                {p.address}
                {p.removedOn && (
                  <Text size="xs" c="dimmed">
                    {t('tours.place.removed', { date: formatDate(p.removedOn), reason: p.removalReason })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {t(`tours.kinds.${p.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{p.reason}</Table.Td>
              <Table.Td>{formatDate(p.since)}</Table.Td>
              <Table.Td>{p.lastVisit ? formatDate(p.lastVisit) : t('tours.place.never')}</Table.Td>
              {writes && (
                <Table.Td>
                  {!p.removedOn && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRemoving(p)}>
                      {t('tours.place.remove')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <FormModal opened={removing !== null} onClose={() => setRemoving(null)} title={t('tours.place.removeTitle')}>
        {removing && <RemoveForm place={removing} onDone={() => setRemoving(null)} />}
      </FormModal>
    </>
  );
}

export function PlaceForm({ sectionId, onDone }: { sectionId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useCallMutation('tours.savePlace', { invalidates: TOUR_READS });
  const form = useContractForm(placeInputSchema, {
    id: null,
    sectionId,
    address: '',
    kind: 'yard' as OffencePlace['kind'],
    reason: '',
    since: isoDay(new Date()),
  });
  return (
    <GuardedForm
      form={form}
      onSubmit={async (v) => {
        await save.mutateAsync(placeInputSchema.parse(v));
        notifySaved(t);
        onDone();
      }}
    >
      <TextInput label={t('tours.place.address')} withAsterisk data-autofocus {...form.getInputProps('address')} />
      <Group grow align="flex-start">
        <Select
          label={t('tours.place.kind')}
          allowDeselect={false}
          data={PLACE_KINDS.map((k) => ({ value: k, label: t(`tours.kinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <DateField label={t('tours.place.since')} withAsterisk clearable={false} {...form.getInputProps('since')} />
      </Group>
      <Textarea label={t('tours.place.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
    </GuardedForm>
  );
}

function RemoveForm({ place, onDone }: { place: OffencePlace; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useCallMutation('tours.removePlace', { invalidates: TOUR_READS });
  const form = useContractForm(api['tours.removePlace'].input.omit({ id: true }), {
    on: isoDay(new Date()),
    reason: '',
  });
  return (
    <GuardedForm
      form={form}
      color="red"
      submitLabel={t('tours.place.remove')}
      onSubmit={async (v) => {
        await remove.mutateAsync({ id: place.id, on: v.on, reason: v.reason });
        notifySaved(t);
        onDone();
      }}
    >
      <Text size="sm">{place.address}</Text>
      <DateField label={t('tours.place.removedOn')} withAsterisk clearable={false} {...form.getInputProps('on')} />
      <TextInput label={t('tours.place.removalReason')} withAsterisk data-autofocus {...form.getInputProps('reason')} />
    </GuardedForm>
  );
}

function PrintPanel({ phone: saved }: { phone: string }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState(saved);
  const [photo, setPhoto] = useState<string | null>(null);
  const savePhone = useCallMutation('tours.saveWorkPhone', { invalidates: ['tours.contact'] });
  const sheet = (size: 'A4' | 'A5') =>
    openPreview({
      title: t(size === 'A4' ? 'tours.print.sheetA4' : 'tours.print.sheetA5'),
      bilingual: false,
      load: () => call('tours.printSheet', { size, photo }),
    });
  return (
    <Stack gap="sm" maw={720}>
      <Text size="sm" c="dimmed">
        {t('tours.print.hint')}
      </Text>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('tours.print.phone')}
            w={240}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
          <Button
            variant="default"
            disabled={phone === saved}
            onClick={() =>
              void savePhone.mutateAsync({ phone }).then(
                () => notifySaved(t),
                (e: unknown) => showApiError(t, e),
              )
            }
          >
            {t('tours.print.savePhone')}
          </Button>
        </Group>
        <FileInput
          label={t('tours.print.photo')}
          w={480}
          accept="image/png,image/jpeg"
          clearable
          onChange={(f) => (f ? void readDataUrl(f).then(setPhoto) : setPhoto(null))}
        />
      </Stack>
      <Group gap="xs">
        <Button leftSection={<IconPrinter size={16} />} onClick={() => sheet('A4')}>
          {t('tours.print.sheetA4')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} variant="light" onClick={() => sheet('A5')}>
          {t('tours.print.sheetA5')}
        </Button>
        <Button
          leftSection={<IconPrinter size={16} />}
          variant="default"
          onClick={() =>
            openPreview({ title: t('tours.print.cards'), bilingual: false, load: () => call('tours.printCards', {}) })
          }
        >
          {t('tours.print.cards')}
        </Button>
      </Group>
    </Stack>
  );
}
