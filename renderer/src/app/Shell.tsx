import { ActionIcon, AppShell, Badge, Button, Group, Menu, Modal, NavLink, Text, Title } from '@mantine/core';
import { stationIn } from '../../../shared/api/station';
import { useDisclosure, useHash, useHotkeys } from '@mantine/hooks';
import {
  IconAddressBook,
  IconNotebook,
  IconBuildingCommunity,
  IconCalendarDue,
  IconChevronDown,
  IconFolders,
  IconLock,
  IconSpeakerphone,
  IconChecklist,
  IconListDetails,
  IconTransfer,
  IconMap2,
  IconUsers,
  IconUserShield,
  IconSearch,
  IconChartBar,
  IconWalk,
  IconHelp,
} from '@tabler/icons-react';
import { useCall } from '../api/hooks';
import { useTranslation } from 'react-i18next';
import { canCall, type CallName, type SessionUser } from '../../../shared/api';
import { shortName } from '../../../shared/format';
import { LanguageSwitch } from './LanguageSwitch';
import { HelpDrawer } from './Help';
import { ChangePasswordForm } from '../modules/unlock/ChangePasswordScreen';
import { TodayScreen } from '../modules/today/TodayScreen';
import { UsersScreen } from '../modules/users/UsersScreen';
import { StaffScreen } from '../modules/staff/StaffScreen';
import { StationScreen } from '../modules/station/StationScreen';
import { ReceptionScreen } from '../modules/reception/ReceptionScreen';
import { NotebookScreen } from '../modules/notebook/NotebookScreen';
import { PreventionScreen } from '../modules/prevention/PreventionScreen';
import { MeetingsScreen } from '../modules/meetings/MeetingsScreen';
import { PlansScreen } from '../modules/plans/PlansScreen';
import { ToursScreen } from '../modules/tours/ToursScreen';
import { ListsScreen } from '../modules/lists/ListsScreen';
import { HandoverScreen } from '../modules/handover/HandoverScreen';
import { PassportScreen } from '../modules/passport/PassportScreen';
import { searchBox, SearchSpotlight } from '../modules/search/SearchSpotlight';
import { FiguresScreen } from '../modules/figures/FiguresScreen';
import { CitizenCard } from '../modules/citizens/CitizenCard';

interface Route {
  path: string;
  label: string;
  icon: typeof IconUsers;
  /** the call the screen opens with: the route shows to those the contract lets make it */
  call?: CallName;
  /** opened from the records that name it, not from the menu */
  hidden?: true;
  /** `rest` is what follows the path in the address: '#/reception/12' gives '12' */
  screen: (s: SessionUser, rest: string, go: (hash: string) => void) => React.ReactNode;
}

/** The id after a first part of the address: idAfter('citizen/5', 'citizen') is 5. */
const idAfter = (rest: string, first: string): number | null => {
  const m = new RegExp(`^${first}/(\\d+)$`).exec(rest);
  return m ? Number(m[1]) : null;
};

const DAY = '(\\d{4}-\\d{2}-\\d{2})';
/** '3/period/2026-10-01/2026-12-31': the period a figure counts */
const periodAfter = (rest: string) => {
  const m = new RegExp(`^\\d+/period/${DAY}/${DAY}$`).exec(rest);
  return m ? { from: m[1]!, to: m[2]! } : null;
};
/** 'period/2026-10-01/2026-12-31/5/online': the entries a figure counts ('all' for any receiver or mode) */
const receptionPreset = (rest: string) => {
  const m = new RegExp(`^period/${DAY}/${DAY}/(\\d+|all)/(inPerson|online|all)$`).exec(rest);
  if (!m) return null;
  return {
    from: m[1]!,
    to: m[2]!,
    receiverId: m[3] === 'all' ? null : Number(m[3]),
    mode: m[4] === 'all' ? null : (m[4] as 'inPerson' | 'online'),
  };
};

const ROUTES: Route[] = [
  { path: 'today', label: 'nav.today', icon: IconCalendarDue, screen: (_s, _r, go) => <TodayScreen go={go} /> },
  {
    path: 'reception',
    label: 'nav.reception',
    icon: IconAddressBook,
    call: 'reception.list',
    // '#/reception/12' opens entry 12; '#/reception/citizen/5' shows citizen 5's visits
    screen: (s, rest, go) => (
      <ReceptionScreen
        session={s}
        openId={/^\d+$/.test(rest) ? Number(rest) : null}
        citizenId={idAfter(rest, 'citizen')}
        preset={receptionPreset(rest)}
        onOpen={(id) => go(id ? `/reception/${id}` : '/reception')}
        go={go}
      />
    ),
  },
  {
    path: 'citizens',
    label: 'citizens.card.title',
    icon: IconAddressBook,
    call: 'citizens.card',
    hidden: true,
    // '#/citizens/5': citizen 5, whole
    screen: (s, rest, go) =>
      /^\d+$/.test(rest) ? <CitizenCard key={rest} session={s} id={Number(rest)} go={go} /> : null,
  },
  {
    path: 'notebook',
    label: 'nav.notebook',
    icon: IconNotebook,
    call: 'notebook.owners',
    // '#/notebook/3/120': owner 3's notebook, at entry 120
    screen: (s, rest, go) => (
      <NotebookScreen
        session={s}
        ownerParam={rest ? Number(rest.split('/')[0]) : null}
        entryParam={idAfter(rest, '\\d+')}
        periodParam={periodAfter(rest)}
        go={go}
      />
    ),
  },
  {
    path: 'prevention',
    label: 'nav.prevention',
    icon: IconFolders,
    call: 'prevention.list',
    screen: (s, rest, go) => <PreventionScreen session={s} openId={rest ? Number(rest) : null} go={go} />,
  },
  {
    path: 'meetings',
    label: 'nav.meetings',
    icon: IconSpeakerphone,
    call: 'meetings.list',
    screen: (s, rest, go) => <MeetingsScreen session={s} openId={rest ? Number(rest) : null} go={go} />,
  },
  {
    path: 'plans',
    label: 'nav.plans',
    icon: IconChecklist,
    call: 'plans.revisions',
    screen: (s, rest, go) => <PlansScreen session={s} monthParam={rest || null} go={go} />,
  },
  {
    path: 'lists',
    label: 'nav.lists',
    icon: IconListDetails,
    call: 'lists.firearms',
    // '#/lists/firearms/7': the list, at entry 7
    screen: (s, rest, go) => (
      <ListsScreen session={s} listParam={rest.split('/')[0] || null} entryParam={idAfter(rest, '\\w+')} go={go} />
    ),
  },
  {
    path: 'passport',
    label: 'nav.passport',
    icon: IconMap2,
    call: 'passport.get',
    screen: (s, rest, go) => <PassportScreen session={s} sectionParam={rest ? Number(rest) : null} go={go} />,
  },
  {
    path: 'handover',
    label: 'nav.handover',
    icon: IconTransfer,
    call: 'handover.list',
    // '#/handover/4': act 4, opened for a purpose (p.15)
    screen: (s, rest, go) => <HandoverScreen session={s} openId={rest ? Number(rest) : null} go={go} />,
  },
  {
    path: 'tours',
    label: 'nav.tours',
    icon: IconWalk,
    call: 'tours.list',
    screen: (s) => <ToursScreen session={s} />,
  },
  {
    path: 'figures',
    label: 'nav.figures',
    icon: IconChartBar,
    call: 'figures.get',
    screen: (s, _r, go) => <FiguresScreen session={s} go={go} />,
  },
  {
    path: 'staff',
    label: 'nav.staff',
    icon: IconUserShield,
    call: 'staff.absences',
    screen: (s) => <StaffScreen session={s} />,
  },
  {
    path: 'users',
    label: 'nav.users',
    icon: IconUsers,
    call: 'users.create',
    screen: (s) => <UsersScreen session={s} />,
  },
  {
    path: 'station',
    label: 'nav.station',
    icon: IconBuildingCommunity,
    call: 'station.update',
    screen: (s) => <StationScreen session={s} />,
  },
];

export function Shell({ session, onLock }: { session: SessionUser; onLock: () => void }) {
  const { t, i18n } = useTranslation();
  const [hash, setHash] = useHash();
  const [pwOpen, pw] = useDisclosure(false);
  const [helpOpen, helpDrawer] = useDisclosure(false);
  const station = useCall('station.get', {});
  const routes = ROUTES.filter((r) => !r.call || canCall(session.role, r.call));
  const [, path = '', rest = ''] = /^#\/([^/]*)\/?(.*)$/.exec(hash) ?? [];
  const current = routes.find((r) => r.path === path) ?? routes[0]!;
  // from anywhere, a form's field too: the lock keeps the form's text (issue 15)
  useHotkeys(
    [
      ['mod+L', onLock],
      ['F1', helpDrawer.toggle],
    ],
    [],
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4}>{t('app.name')}</Title>
            {station.data && (
              <Text c="dimmed" truncate maw={420}>
                {t('app.stationTitle', {
                  number: station.data.uppNumber,
                  name: stationIn(station.data, i18n.language === 'kk' ? 'kk' : 'ru').uppName,
                })}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {canCall(session.role, 'search.find') && (
              <Button
                variant="default"
                leftSection={<IconSearch size={16} />}
                rightSection={
                  <Text size="xs" c="dimmed">
                    Ctrl+K
                  </Text>
                }
                onClick={() => searchBox.open()}
                data-testid="search-open"
              >
                {t('search.open')}
              </Button>
            )}
            <LanguageSwitch />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('help.open')}
              title={t('help.open')}
              onClick={helpDrawer.open}
              data-testid="help-open"
            >
              <IconHelp size={18} />
            </ActionIcon>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="subtle" rightSection={<IconChevronDown size={14} />} data-testid="user-menu">
                  {shortName(session)} · {t(`roles.${session.role}`)}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={pw.open}>{t('app.changePassword')}</Menu.Item>
                {/* the same as locking: the key leaves memory, the next person signs in with his own login */}
                <Menu.Item onClick={onLock}>{t('app.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button leftSection={<IconLock size={16} />} variant="light" color="gray" onClick={onLock} title="Ctrl+L">
              {t('app.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {routes
          .filter((r) => !r.hidden)
          .map((r) => (
            <NavLink
              key={r.path}
              href={`#/${r.path}`}
              label={t(r.label)}
              leftSection={<r.icon size={18} />}
              active={r === current}
              onClick={(e) => {
                e.preventDefault();
                setHash(`/${r.path}`);
              }}
            />
          ))}
        <Badge variant="outline" color="gray" mt="auto" fullWidth>
          {t(`roles.${session.role}`)}
        </Badge>
      </AppShell.Navbar>
      <AppShell.Main>{current.screen(session, current.path === path ? rest : '', setHash)}</AppShell.Main>
      {canCall(session.role, 'search.find') && <SearchSpotlight go={setHash} />}
      <HelpDrawer path={current.path} opened={helpOpen} onClose={helpDrawer.close} />
      <Modal opened={pwOpen} onClose={pw.close} title={t('app.changePassword')}>
        <ChangePasswordForm onDone={pw.close} />
      </Modal>
    </AppShell>
  );
}
