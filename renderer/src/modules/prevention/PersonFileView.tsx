import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBack,
  IconChevronDown,
  IconEdit,
  IconFileExport,
  IconLock,
  IconLockOpen,
  IconPlus,
  IconPrinter,
  IconTruckDelivery,
  IconUserMinus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  canCall,
  type Language,
  type PersonFile,
  type Safe,
  type SessionUser,
  type Station,
  type User,
} from '../../../../shared/api';
import type { Purpose } from '../../../../shared/api/prevention';
import { formatDate, formatDateTime, fullName } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { FormModal } from '../../app/FormModal';
import { notifySaved } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { PurposeDialog } from './PurposeDialog';
import { PersonFileForm } from './PersonFileForm';
import {
  ConfirmationForm,
  CustodyForm,
  DepartureForm,
  ExportForm,
  MaterialsForm,
  RemovalForm,
  RequestForm,
  SupervisionForm,
} from './FileActions';

export const STATUS_COLORS = { active: 'blue', moving: 'orange', transferred: 'gray', removed: 'gray' } as const;

type Dialog =
  | { kind: 'edit' }
  | { kind: 'supervision'; mode: 'done' | 'plan'; fulfilsId: number | null }
  | { kind: 'custody'; action: 'out' | 'in' }
  | { kind: 'departure' }
  | { kind: 'request' }
  | { kind: 'confirmation' }
  | { kind: 'materials' }
  | { kind: 'remove' }
  | { kind: 'export' }
  | { kind: 'print'; document: 'card' | 'request' | 'covering'; language: Language };

/** One person file, opened for a stated purpose: card, supervision log, custody, the p.14 move, and who opened it. */
export function PersonFileView({
  file,
  purpose,
  session,
  station,
  safes,
  users,
  onChange,
  onBack,
}: {
  file: PersonFile;
  purpose: Required<Purpose>;
  session: SessionUser;
  station: Station;
  safes: Safe[];
  users: User[];
  onChange: (f: PersonFile) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const closed = file.status === 'transferred' || file.status === 'removed';
  const decides = canCall(session.role, 'prevention.update');
  const done = (msg?: string) => (f: PersonFile) => {
    setDialog(null);
    notifySaved(t, msg);
    onChange(f);
  };
  const c = file.citizen;
  const printMenu = (document: 'card' | 'request' | 'covering', label: string) => (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconPrinter size={16} />} rightSection={<IconChevronDown size={14} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => setDialog({ kind: 'print', document, language: 'kk' })}>
          {t('reception.printKk')}
        </Menu.Item>
        <Menu.Item onClick={() => setDialog({ kind: 'print', document, language: 'ru' })}>
          {t('reception.printRu')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
  const field = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value || '—'}
      </Text>
    </div>
  );
  const custodyText =
    file.custodyPlace === 'safe'
      ? `${t('prevention.custodyPlaces.safe')} «${file.safeName}»${file.shelf ? `, ${t('prevention.shelf').toLowerCase()} ${file.shelf}` : ''}`
      : `${t('prevention.custodyPlaces.policeBody')} — ${file.controllingInspector}`;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Button variant="subtle" px={6} onClick={onBack} aria-label={t('app.back')}>
            <IconArrowBack size={18} />
          </Button>
          {file.photo && <Image src={file.photo} h={84} w={66} fit="cover" radius="sm" alt="" />}
          <div>
            <Group gap="xs">
              <Title order={3}>{fullName(c)}</Title>
              <Badge color={STATUS_COLORS[file.status]} variant="light" data-testid="file-status">
                {t(`prevention.statuses.${file.status}`)}
              </Badge>
              {file.outSince && (
                <Badge color="orange" variant="filled" leftSection={<IconLockOpen size={12} />}>
                  {t('prevention.out', { since: formatDateTime(file.outSince) })}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('prevention.fileTitle', { number: file.number })} · {c.iin ?? t(`iin.no.${c.noIin ?? 'unknown'}`)}
              {c.birthDate ? ` · ${t('prevention.born', { date: formatDate(c.birthDate) })}` : ''} ·{' '}
              {t('prevention.section')} {file.sectionNumber} · {file.inspector}
            </Text>
            <Text size="xs" c="dimmed" data-testid="file-placed-by">
              {t('prevention.placedBy', { name: file.placedBy, date: formatDate(file.createdAt) })}
              {file.placedBySupervisor &&
                ` (${t('roles.assistant')}, ${t('users.underSupervision', { name: file.placedBySupervisor })})`}
            </Text>
            <Group gap={4} mt={4}>
              {file.categories.map((k) => (
                <Badge key={k} variant="outline" tt="none" title={t(`prevention.categoryFull.${k}`)}>
                  {t(`prevention.categoryShort.${k}`)}
                </Badge>
              ))}
            </Group>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {decides && !closed && (
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setDialog({ kind: 'edit' })}>
              {t('app.edit')}
            </Button>
          )}
          {printMenu('card', t('prevention.printCard'))}
        </Group>
      </Group>
      {closed && (
        <Alert color="gray" p="xs" icon={<IconLock size={16} />}>
          {t('prevention.closedNote')}
        </Alert>
      )}

      <Tabs defaultValue="card" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="card">{t('prevention.tabs.card')}</Tabs.Tab>
          <Tabs.Tab value="supervision">
            {t('prevention.tabs.supervision')} ({file.supervision.length})
          </Tabs.Tab>
          <Tabs.Tab value="custody">{t('prevention.tabs.custody')}</Tabs.Tab>
          <Tabs.Tab value="transfer">{t('prevention.tabs.transfer')}</Tabs.Tab>
          <Tabs.Tab value="receptions">{t('prevention.tabs.receptions')}</Tabs.Tab>
          <Tabs.Tab value="access">{t('prevention.tabs.access')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="card" pt="sm">
          <SimpleGrid cols={3} spacing="md" verticalSpacing="xs">
            {field(
              t('prevention.grounds'),
              t('doc.card.grounds', {
                body: file.groundsBody,
                number: file.groundsNumber,
                date: formatDate(file.groundsDate),
              }),
            )}
            {field(
              t('prevention.startDate'),
              `${formatDate(file.startDate)}${file.plannedEnd ? ` – ${formatDate(file.plannedEnd)}` : ''}`,
            )}
            {field(t('prevention.custodyPlace'), custodyText)}
            {field(t('prevention.restrictions'), file.restrictions)}
            {field(t('prevention.obligations'), file.obligations)}
            {field(t('prevention.notes'), file.notes)}
            {field(t('reception.address'), c.address)}
            {field(t('prevention.actualAddress'), file.actualAddress)}
            {field(t('prevention.phones'), [c.phone, file.phones].filter(Boolean).join(', '))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="sm">
            {t('prevention.relations')}
          </Text>
          {file.relations.length === 0 ? (
            <Text size="sm">—</Text>
          ) : (
            file.relations.map((r, i) => (
              <Text size="sm" key={i}>
                {[`${r.fullName} (${r.relation || t(`prevention.relationKinds.${r.kind}`)})`, r.address, r.phone]
                  .filter(Boolean)
                  .join(', ')}
              </Text>
            ))
          )}
          {file.importedFrom && (
            <Text size="xs" c="dimmed" mt="sm">
              {t('prevention.importedFrom', { from: file.importedFrom })}
            </Text>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="supervision" pt="sm">
          {!closed && (
            <Group gap="xs" mb="sm">
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ kind: 'supervision', mode: 'done', fulfilsId: null })}
              >
                {t('prevention.supervision.add')}
              </Button>
              <Button
                variant="default"
                onClick={() => setDialog({ kind: 'supervision', mode: 'plan', fulfilsId: null })}
              >
                {t('prevention.supervision.plan')}
              </Button>
            </Group>
          )}
          {file.supervision.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('app.noRecords')}
            </Text>
          )}
          <Timeline bulletSize={18} lineWidth={2}>
            {file.supervision.map((s) => (
              <Timeline.Item
                key={s.id}
                color={s.violation ? 'red' : s.doneAt ? 'teal' : 'gray'}
                bullet={s.violation ? <IconAlertTriangle size={12} /> : undefined}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {s.doneAt
                        ? formatDateTime(s.doneAt)
                        : t('prevention.supervision.planned', { date: formatDate(s.plannedFor) })}
                    </Text>
                    <Text size="sm">{t(`prevention.supervision.kinds.${s.kind}`)}</Text>
                    {s.by && (
                      <Text size="xs" c="dimmed">
                        {s.by}
                      </Text>
                    )}
                  </Group>
                }
              >
                {s.text && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.text}
                  </Text>
                )}
                {s.violation && (
                  <Text size="sm" c="red" fw={500}>
                    {t('prevention.supervision.violationMark')}: {s.violationText}
                  </Text>
                )}
                {s.measures && (
                  <Text size="sm" c="dimmed">
                    {t('prevention.supervision.measures')}: {s.measures}
                  </Text>
                )}
                {!s.doneAt && !closed && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    mt={4}
                    onClick={() => setDialog({ kind: 'supervision', mode: 'done', fulfilsId: s.id })}
                  >
                    {t('prevention.supervision.fulfil')}
                  </Button>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Tabs.Panel>

        <Tabs.Panel value="custody" pt="sm">
          <Group justify="space-between" mb="sm">
            <Text size="sm">
              {custodyText}:{' '}
              <b>
                {file.outSince
                  ? t('prevention.out', { since: formatDateTime(file.outSince) })
                  : file.status === 'transferred'
                    ? t('prevention.custody.actions.sent')
                    : t('prevention.inSafe')}
              </b>
            </Text>
            {!closed &&
              (file.outSince ? (
                <Button
                  leftSection={<IconLock size={16} />}
                  onClick={() => setDialog({ kind: 'custody', action: 'in' })}
                >
                  {t('prevention.custody.return')}
                </Button>
              ) : (
                <Button
                  variant="default"
                  leftSection={<IconLockOpen size={16} />}
                  onClick={() => setDialog({ kind: 'custody', action: 'out' })}
                >
                  {t('prevention.custody.takeOut')}
                </Button>
              ))}
          </Group>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('prevention.custody.at')}</Table.Th>
                <Table.Th w={170}>{t('prevention.status')}</Table.Th>
                <Table.Th>{t('prevention.custody.person')}</Table.Th>
                <Table.Th>{t('prevention.custody.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.custody.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDateTime(m.at)}</Table.Td>
                  <Table.Td>{t(`prevention.custody.actions.${m.action}`)}</Table.Td>
                  <Table.Td>
                    {m.person}{' '}
                    <Text span size="xs" c="dimmed">
                      ({t('prevention.custody.recordedBy', { who: m.recordedBy })})
                    </Text>
                  </Table.Td>
                  <Table.Td>{m.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>

        <Tabs.Panel value="transfer" pt="sm">
          <Stack gap="sm">
            <Alert variant="light" p="xs" icon={<IconTruckDelivery size={18} />}>
              {t('prevention.transfer.rule')}
            </Alert>
            {file.status === 'active' && decides && (
              <Group gap="xs">
                <Button leftSection={<IconTruckDelivery size={16} />} onClick={() => setDialog({ kind: 'departure' })}>
                  {t('prevention.transfer.departure')}
                </Button>
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconUserMinus size={16} />}
                  onClick={() => setDialog({ kind: 'remove' })}
                >
                  {t('prevention.transfer.remove')}
                </Button>
              </Group>
            )}
            {file.departedAt && (
              <Paper withBorder p="sm">
                <Stack gap={6}>
                  <Text size="sm">
                    <b>{t('prevention.transfer.departure')}:</b> {formatDateTime(file.departedAt)} —{' '}
                    {t(`prevention.transfer.moveKinds.${file.moveKind ?? 'region'}`)}; {file.newAddress}; {file.newBody}
                  </Text>
                  {file.requestSentAt ? (
                    <Text size="sm" c="teal">
                      {t('prevention.transfer.requestSent', {
                        number: file.requestNumber,
                        date: formatDateTime(file.requestSentAt),
                      })}
                    </Text>
                  ) : (
                    <Text size="sm" c="orange" fw={500} data-testid="request-due">
                      {t('prevention.transfer.requestDue', { deadline: formatDateTime(file.requestDue) })}
                    </Text>
                  )}
                  {file.confirmedOn && (
                    <Text size="sm" c="teal">
                      {t('prevention.transfer.confirmed', {
                        date: formatDate(file.confirmedOn),
                        ref: file.confirmationRef,
                      })}
                    </Text>
                  )}
                  {file.materialsSentAt && (
                    <Text size="sm" c="teal">
                      {t('prevention.transfer.materialsSent', {
                        date: formatDateTime(file.materialsSentAt),
                        number: file.coveringNumber,
                      })}
                    </Text>
                  )}
                  <Group gap="xs" mt={4}>
                    {printMenu('request', t('prevention.transfer.printRequest'))}
                    {decides && file.status === 'moving' && !file.requestSentAt && (
                      <Button onClick={() => setDialog({ kind: 'request' })}>
                        {t('prevention.transfer.recordRequest')}
                      </Button>
                    )}
                    {decides && file.status === 'moving' && file.requestSentAt && !file.confirmedOn && (
                      <Button onClick={() => setDialog({ kind: 'confirmation' })}>
                        {t('prevention.transfer.confirmation')}
                      </Button>
                    )}
                    {decides && file.status === 'moving' && file.confirmedOn && (
                      <Button onClick={() => setDialog({ kind: 'materials' })}>
                        {t('prevention.transfer.sendMaterials')}
                      </Button>
                    )}
                    {file.materialsSentAt && printMenu('covering', t('prevention.transfer.printCovering'))}
                    {decides && file.confirmedOn && (
                      <Button
                        variant="default"
                        leftSection={<IconFileExport size={16} />}
                        onClick={() => setDialog({ kind: 'export' })}
                      >
                        {t('prevention.transfer.exportPackage')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            )}
            {file.removedOn && (
              <Paper withBorder p="sm">
                <Text size="sm">
                  {t('prevention.transfer.removed', {
                    date: formatDate(file.removedOn),
                    grounds: file.removalGrounds,
                    reason: file.removalReason,
                  })}
                </Text>
              </Paper>
            )}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="receptions" pt="sm">
          <FileReceptions id={file.id} />
        </Tabs.Panel>

        <Tabs.Panel value="access" pt="sm">
          <AccessHistory id={file.id} />
        </Tabs.Panel>
      </Tabs>

      <FormModal
        opened={dialog !== null && dialog.kind !== 'print'}
        onClose={() => setDialog(null)}
        size={dialog?.kind === 'edit' ? 1150 : 'lg'}
        title={dialog ? dialogTitle(dialog, t) : ''}
      >
        {dialog?.kind === 'edit' && (
          <PersonFileForm file={file} session={session} station={station} safes={safes} users={users} onDone={done()} />
        )}
        {dialog?.kind === 'supervision' && (
          <SupervisionForm file={file} mode={dialog.mode} fulfilsId={dialog.fulfilsId} onDone={done()} />
        )}
        {dialog?.kind === 'custody' && (
          <CustodyForm file={file} action={dialog.action} users={users} me={session.id} onDone={done()} />
        )}
        {dialog?.kind === 'departure' && <DepartureForm file={file} onDone={done()} />}
        {dialog?.kind === 'request' && <RequestForm file={file} onDone={done()} />}
        {dialog?.kind === 'confirmation' && <ConfirmationForm file={file} onDone={done()} />}
        {dialog?.kind === 'materials' && <MaterialsForm file={file} onDone={done()} />}
        {dialog?.kind === 'remove' && <RemovalForm file={file} onDone={done()} />}
        {dialog?.kind === 'export' && (
          <ExportForm
            file={file}
            purpose={{ purpose: 'transfer', purposeText: '' }}
            onDone={() => {
              setDialog(null);
              notifySaved(t, t('prevention.transfer.exported'));
            }}
          />
        )}
      </FormModal>
      <PurposeDialog
        opened={dialog?.kind === 'print'}
        title={t('prevention.purposeTitle')}
        submitLabel={t('prevention.print')}
        initial={
          dialog?.kind === 'print' && dialog.document !== 'card' ? { purpose: 'transfer', purposeText: '' } : purpose
        }
        onClose={() => setDialog(null)}
        onSubmit={async (p) => {
          if (dialog?.kind !== 'print') return;
          const document = dialog.document;
          // each build is an access of p.15 with the purpose just given, recorded by the backend
          openPreview({
            title: t(PRINT_TITLES[document]),
            language: dialog.language,
            load: (c) => call('prevention.print', { id: file.id, document, language: c.language, ...p }),
          });
          setDialog(null);
        }}
      />
    </Stack>
  );
}

const PRINT_TITLES = {
  card: 'prevention.printCard',
  request: 'prevention.transfer.printRequest',
  covering: 'prevention.transfer.printCovering',
} as const;

function dialogTitle(d: Dialog, t: (k: string) => string): string {
  switch (d.kind) {
    case 'edit':
      return t('prevention.editFile');
    case 'supervision':
      return t(d.mode === 'plan' ? 'prevention.supervision.plan' : 'prevention.tabs.supervision');
    case 'custody':
      return t(d.action === 'out' ? 'prevention.custody.takeOut' : 'prevention.custody.return');
    case 'departure':
      return t('prevention.transfer.departure');
    case 'request':
      return t('prevention.transfer.recordRequest');
    case 'confirmation':
      return t('prevention.transfer.confirmation');
    case 'materials':
      return t('prevention.transfer.sendMaterials');
    case 'remove':
      return t('prevention.transfer.remove');
    case 'export':
      return t('prevention.transfer.exportPackage');
    default:
      return '';
  }
}

/** The reception entries that name this file (issue 16), each opening its card in the journal. */
function FileReceptions({ id }: { id: number }) {
  const { t } = useTranslation();
  const rows = useCall('prevention.receptions', { id }, { refetchOnMount: 'always' });
  if (rows.data?.length === 0) return <Text size="sm">{t('prevention.noReceptions')}</Text>;
  return (
    <Table striped withTableBorder highlightOnHover data-testid="file-receptions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('prevention.receptionNumber')}</Table.Th>
          <Table.Th w={150}>{t('reception.receivedAt')}</Table.Th>
          <Table.Th>{t('reception.subject')}</Table.Th>
          <Table.Th w={150}>{t('reception.receiver')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(rows.data ?? []).map((r) => (
          <Table.Tr key={r.id} c={r.voided ? 'dimmed' : undefined}>
            <Table.Td>
              <Anchor href={`#/reception/${r.id}`} size="sm">
                {r.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDateTime(r.receivedAt)}</Table.Td>
            <Table.Td>
              {r.subject}
              {r.voided && ` (${t('reception.status.voided')})`}
            </Table.Td>
            <Table.Td>{r.receiver}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * p.15: who opened, printed or exported the file and why; prints and exports add to it, so it is read afresh each time
 * the tab is shown.
 */
function AccessHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const accessLog = useCall('prevention.accessLog', { id }, { refetchOnMount: 'always' });
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>{t('prevention.custody.at')}</Table.Th>
          <Table.Th>{t('prevention.supervision.by')}</Table.Th>
          <Table.Th w={130}>{t('notebook.kind')}</Table.Th>
          <Table.Th>{t('prevention.purpose')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(accessLog.data ?? []).map((a, i) => (
          <Table.Tr key={i}>
            <Table.Td>{formatDateTime(a.at)}</Table.Td>
            <Table.Td>
              {a.user}{' '}
              <Text span size="xs" c="dimmed">
                ({t(`roles.${a.role}`)})
              </Text>
            </Table.Td>
            <Table.Td>{t(`prevention.accessActions.${a.action}`)}</Table.Td>
            <Table.Td>
              {t(`prevention.purposes.${a.purpose}`)}
              {a.purposeText ? `: ${a.purposeText}` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
