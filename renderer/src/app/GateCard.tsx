import { Center, Group, Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The card shown before the program opens (sign-in, a missing keyring): the name, an icon, the language switch. */
export function GateCard({
  icon,
  width,
  children,
}: {
  icon: React.ReactNode;
  width: number;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={width}>
        <Group justify="space-between" mb="lg">
          <Group gap="xs">
            {icon}
            <Title order={3}>{t('app.name')}</Title>
          </Group>
          <LanguageSwitch />
        </Group>
        {children}
      </Paper>
    </Center>
  );
}
