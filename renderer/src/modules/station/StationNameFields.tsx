import { Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface NameValues {
  uppNumber: string;
  uppName: string;
  policeBody: string;
  address: string;
  uppNameKk: string;
  policeBodyKk: string;
  addressKk: string;
}

/**
 * The station's own words in Russian and in Kazakh (issue 15): the Kazakh forms print the Kazakh ones, or the Russian
 * where none is given. Under the name, the line every form prints, in both languages, so "УПП №" is not typed twice.
 */
export function StationNameFields<V>({
  form,
  prefix,
  values,
  autoFocus,
}: {
  form: UseFormReturnType<V>;
  /** where the fields sit in the form's values: '' or 'station.' */
  prefix: string;
  values: NameValues;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const input = (name: keyof NameValues) => form.getInputProps(`${prefix}${name}`);
  const inRu = (key: string) => `${t(key)} (${t('fields.inRu')})`;
  const inKk = (key: string) => `${t(key)} (${t('fields.inKk')})`;
  const line = (lang: 'kk' | 'ru') =>
    i18n.getFixedT(lang)('doc.stationLine', {
      number: values.uppNumber || '…',
      name: (lang === 'kk' && values.uppNameKk) || values.uppName || '…',
    });
  return (
    <Stack gap="sm">
      <Grid gap="md" align="flex-start">
        <Grid.Col span={2}>
          <TextInput
            label={t('fields.uppNumber')}
            withAsterisk
            data-autofocus={autoFocus || undefined}
            autoFocus={autoFocus}
            {...input('uppNumber')}
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput
            label={inRu('fields.uppName')}
            description={t('fields.uppNameHint')}
            withAsterisk
            {...input('uppName')}
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={inKk('fields.uppName')} description={t('fields.kkHint')} {...input('uppNameKk')} />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" data-testid="station-line">
        {t('fields.printedAs')}: {line('ru')} · {line('kk')}
      </Text>
      <Group grow align="flex-start">
        <TextInput label={inRu('fields.policeBody')} withAsterisk {...input('policeBody')} />
        <TextInput label={inKk('fields.policeBody')} {...input('policeBodyKk')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={inRu('fields.address')} withAsterisk {...input('address')} />
        <TextInput label={inKk('fields.address')} {...input('addressKk')} />
      </Group>
    </Stack>
  );
}
