import { Badge, Drawer, Group, Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { help } from '../../../shared/i18n/catalogs/help';

interface Key {
  keys: string[];
  /** the catalog key of what it does */
  what: string;
}

/** The keys that work on every screen (issue 15): the wizard's tour shows them, F1 shows them again. */
export const DESK_KEYS: Key[] = [
  { keys: ['F1'], what: 'help.keys.help' },
  { keys: ['Ctrl', 'K'], what: 'help.keys.search' },
  { keys: ['Ctrl', 'L'], what: 'help.keys.lock' },
  { keys: ['Enter'], what: 'help.keys.next' },
  { keys: ['Shift', 'Enter'], what: 'help.keys.newLine' },
  { keys: ['Ctrl', 'Enter'], what: 'help.keys.save' },
  { keys: ['Esc'], what: 'help.keys.close' },
  { keys: ['Tab'], what: 'help.keys.rows' },
  { keys: ['Ctrl', 'P'], what: 'help.keys.print' },
  { keys: ['PgUp', 'PgDn'], what: 'help.keys.pages' },
];

/** A screen's own keys, where it has any (the screens' useHotkeys). */
const SCREEN_KEYS: Record<string, Key[]> = {
  reception: [{ keys: ['F2'], what: 'help.keys.newVisitor' }],
  notebook: [{ keys: ['F2'], what: 'help.keys.newEntry' }],
};

/** The first-run wizard's last step: the desk's keys, F2 first, as the evening starts with it. */
export const DESK_TOUR: Key[] = [...SCREEN_KEYS.reception!, ...DESK_KEYS];

type HelpScreen = keyof typeof help.ru.help.screens;
const hasHelp = (path: string): path is HelpScreen => Object.hasOwn(help.ru.help.screens, path);

export function KeyTable({ keys }: { keys: Key[] }) {
  const { t } = useTranslation();
  return (
    <Table withRowBorders={false} verticalSpacing={4} fz="sm">
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k.what}>
            <Table.Td w={120} style={{ whiteSpace: 'nowrap' }}>
              <Group gap={4} wrap="nowrap">
                {k.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && (k.keys.length === 2 && key === 'PgDn' ? ' / ' : ' + ')}
                    <Kbd size="xs">{key}</Kbd>
                  </span>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{t(k.what)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** F1 or "?": the help of the screen that is open, in the person's language, then the keys of every screen. */
export function HelpDrawer({ path, opened, onClose }: { path: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const screen = hasHelp(path) ? path : null;
  const own = SCREEN_KEYS[path] ?? [];
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={460}
      title={
        <Group gap="xs">
          <Title order={4}>{t('help.title')}</Title>
          {screen && <Text c="dimmed">· {t(`help.screens.${screen}.title`)}</Text>}
        </Group>
      }
    >
      <Stack gap="md" data-testid="help">
        {screen && (
          <>
            <Text size="sm">{t(`help.screens.${screen}.purpose`)}</Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="light" color="blue" tt="none" style={{ flexShrink: 0 }}>
                {t('help.order')}
              </Badge>
              <Text size="sm">{t(`help.screens.${screen}.order`)}</Text>
            </Group>
          </>
        )}
        {own.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('help.screenKeys')}
            </Text>
            <KeyTable keys={own} />
          </div>
        )}
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('help.deskKeys')}
          </Text>
          <KeyTable keys={DESK_KEYS} />
        </div>
      </Stack>
    </Drawer>
  );
}
