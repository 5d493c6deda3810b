import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { useCall, useCallMutation } from '../../api/hooks';
import { notifySaved, showApiError, useContractForm } from '../../app/forms';

/** The reception categories: the built-in ones and those the station adds (UPP lead). */
export function CategoriesPanel({ canAdd }: { canAdd: boolean }) {
  const { t } = useTranslation();
  const addCategory = useCallMutation('reception.addCategory', { invalidates: ['reception.categories'] });
  const categories = useCall('reception.categories', {});
  const form = useContractForm(api['reception.addCategory'].input, { nameKk: '', nameRu: '' });
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t('reception.categories')}
      </Title>
      <Stack gap="sm">
        <Group gap={6}>
          {categories.data?.map((c) => (
            <Badge
              key={c.code}
              variant={c.builtin ? 'light' : 'outline'}
              color={c.builtin ? 'gray' : 'indigo'}
              size="lg"
            >
              {c.nameKk} / {c.nameRu}
            </Badge>
          ))}
        </Group>
        {canAdd && (
          <form
            onSubmit={form.onSubmit(async (v) => {
              try {
                await addCategory.mutateAsync(v);
                form.reset();
                notifySaved(t);
              } catch (e) {
                showApiError(t, e, form);
              }
            })}
          >
            <Group align="flex-start" wrap="nowrap">
              <TextInput
                label={t('reception.nameKk')}
                withAsterisk
                style={{ flex: 1 }}
                {...form.getInputProps('nameKk')}
              />
              <TextInput
                label={t('reception.nameRu')}
                withAsterisk
                style={{ flex: 1 }}
                {...form.getInputProps('nameRu')}
              />
              <Button type="submit" mt={25}>
                {t('reception.addCategory')}
              </Button>
            </Group>
          </form>
        )}
        <Text size="xs" c="dimmed">
          {t('reception.categoriesHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
