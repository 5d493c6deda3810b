import { useState } from 'react';
import { StationNameFields } from '../station/StationNameFields';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Checkbox,
  Code,
  Container,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey, IconPlus, IconPrinter, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { call } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { showApiError, useContractForm } from '../../app/forms';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { openPreview } from '../../app/print/openPreview';
import { RestoreDialog } from '../backup/RestoreDialog';
import { DESK_TOUR, KeyTable } from '../../app/Help';

const STEP_PREFIX = [['station.'], ['sections', 'safes'], ['lead.']];

/** First run: the station, its sections, the UPP lead; then the recovery code, shown once. */
export function SetupWizard({ onStarted, onFinished }: { onStarted: () => void; onFinished: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [code, setCode] = useState<string | null>(null);
  const [stored, setStored] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const form = useContractForm(
    api['setup.create'].input,
    {
      station: {
        uppNumber: '',
        uppName: '',
        policeBody: '',
        address: '',
        uppNameKk: '',
        policeBodyKk: '',
        addressKk: '',
      },
      sections: [{ number: '', kind: 'urban' as 'urban' | 'rural' }],
      safes: [{ name: t('setup.defaultSafe'), location: '' }],
      lead: {
        surname: '',
        name: '',
        patronymic: '',
        rank: '',
        position: '',
        login: '',
        password: '',
        passwordRepeat: '',
      },
    },
    (v) => ({
      'lead.passwordRepeat': v.lead.password !== v.lead.passwordRepeat ? 'validation.passwordMismatch' : null,
    }),
  );

  /** Shows only this step's errors, so the next steps are not red before they are seen. */
  function stepValid(i: number): boolean {
    const { errors } = form.validate();
    const mine = Object.fromEntries(
      Object.entries(errors).filter(([k]) => STEP_PREFIX[i]!.some((p) => k.startsWith(p))),
    );
    form.setErrors(mine);
    return Object.keys(mine).length === 0;
  }

  const setup = useCallMutation('setup.create', {
    onSuccess: (res) => {
      setCode(res.recoveryCode);
      setStep(3);
    },
    onError: (e) => showApiError(t, e, form),
  });
  const busy = setup.isPending;

  function create() {
    if (!stepValid(2)) return;
    onStarted();
    const { passwordRepeat: _r, ...lead } = form.values.lead;
    setup.mutate({ ...form.values, lead });
  }

  function printSheet(language: 'kk' | 'ru') {
    openPreview({
      title: t('doc.recovery.title'),
      language,
      load: (c) => call('recovery.sheet', { language: c.language }),
    });
  }

  const next = (i: number) => () => stepValid(i) && setStep(i + 1);

  return (
    <Container size={900} py="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2}>
          {t('app.name')} — {t('setup.title')}
        </Title>
        <LanguageSwitch />
      </Group>
      <Text c="dimmed" mb="md">
        {t('setup.intro')}
      </Text>
      {code === null && (
        <Group gap="xs" mb="md">
          <Text size="sm">{t('restore.newPc')}</Text>
          <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} onClick={() => setRestoring(true)}>
            {t('restore.open')}
          </Button>
        </Group>
      )}
      <RestoreDialog opened={restoring} onClose={() => setRestoring(false)} />
      <Paper withBorder p="lg">
        <Stepper
          active={step}
          size="sm"
          allowNextStepsSelect={false}
          onStepClick={(s) => code === null && s < step && setStep(s)}
        >
          <Stepper.Step label={t('setup.stepStation')}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                next(0)();
              }}
            >
              <Stack gap="sm" mt="md">
                <StationNameFields form={form} prefix="station." values={form.values.station} autoFocus />
                <Group justify="flex-end">
                  <Button type="submit">{t('app.next')}</Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepSections')}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                next(1)();
              }}
            >
              <Stack gap="xs" mt="md">
                {form.values.sections.map((_s, i) => (
                  <Group key={form.key(`sections.${i}`)} align="flex-start">
                    <TextInput
                      label={t('fields.sectionNumber')}
                      withAsterisk
                      autoFocus={i === form.values.sections.length - 1}
                      {...form.getInputProps(`sections.${i}.number`)}
                    />
                    <Select
                      label={t('fields.sectionKind')}
                      allowDeselect={false}
                      data={[
                        { value: 'urban', label: t('sectionKind.urban') },
                        { value: 'rural', label: t('sectionKind.rural') },
                      ]}
                      {...form.getInputProps(`sections.${i}.kind`)}
                    />
                    <ActionIcon
                      mt={28}
                      variant="subtle"
                      color="red"
                      aria-label={t('setup.removeSection')}
                      disabled={form.values.sections.length === 1}
                      onClick={() => form.removeListItem('sections', i)}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                ))}
                {typeof form.errors.sections === 'string' && (
                  <Text c="red" size="sm">
                    {form.errors.sections}
                  </Text>
                )}
                <Box>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} />}
                    onClick={() => form.insertListItem('sections', { number: '', kind: 'urban' })}
                  >
                    {t('setup.addSection')}
                  </Button>
                </Box>
                {/* p.13: where the person files are kept; a new file needs one (issue 15) */}
                <Title order={5} mt="sm">
                  {t('setup.safesTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('setup.safesHint')}
                </Text>
                {form.values.safes.map((_s, i) => (
                  <Group key={form.key(`safes.${i}`)} align="flex-start">
                    <TextInput label={t('setup.safeName')} withAsterisk {...form.getInputProps(`safes.${i}.name`)} />
                    <TextInput label={t('setup.safeLocation')} w={280} {...form.getInputProps(`safes.${i}.location`)} />
                    <ActionIcon
                      mt={28}
                      variant="subtle"
                      color="red"
                      aria-label={t('setup.removeSafe')}
                      onClick={() => form.removeListItem('safes', i)}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                ))}
                <Box>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} />}
                    onClick={() =>
                      form.insertListItem('safes', {
                        name: `${t('prevention.safe')} № ${form.values.safes.length + 1}`,
                        location: '',
                      })
                    }
                  >
                    {t('setup.addSafe')}
                  </Button>
                </Box>
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(0)}>
                    {t('app.back')}
                  </Button>
                  <Button type="submit">{t('app.next')}</Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepLead')}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                create();
              }}
            >
              <Stack gap="sm" mt="md">
                <Group grow align="flex-start">
                  <TextInput
                    label={t('fields.surname')}
                    withAsterisk
                    autoFocus
                    {...form.getInputProps('lead.surname')}
                  />
                  <TextInput label={t('fields.name')} withAsterisk {...form.getInputProps('lead.name')} />
                  <TextInput label={t('fields.patronymic')} {...form.getInputProps('lead.patronymic')} />
                </Group>
                <Group grow align="flex-start">
                  <TextInput label={t('fields.rank')} {...form.getInputProps('lead.rank')} />
                  <TextInput label={t('fields.position')} {...form.getInputProps('lead.position')} />
                </Group>
                <Group grow align="flex-start">
                  <TextInput
                    label={t('fields.login')}
                    withAsterisk
                    autoComplete="username"
                    {...form.getInputProps('lead.login')}
                  />
                  <PasswordInput
                    label={t('fields.password')}
                    withAsterisk
                    autoComplete="new-password"
                    {...form.getInputProps('lead.password')}
                  />
                  <PasswordInput
                    label={t('fields.passwordRepeat')}
                    withAsterisk
                    autoComplete="new-password"
                    {...form.getInputProps('lead.passwordRepeat')}
                  />
                </Group>
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(1)}>
                    {t('app.back')}
                  </Button>
                  <Button type="submit" loading={busy}>
                    {t('setup.create')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepRecovery')}>
            <Stack mt="md">
              <Alert icon={<IconKey />} color="yellow">
                {t('setup.recoveryIntro')}
              </Alert>
              <Code block fz={24} ta="center" data-testid="recovery-code">
                {code}
              </Code>
              <Group>
                <Text fw={500}>{t('setup.printSheet')}:</Text>
                <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => void printSheet('kk')}>
                  {t('setup.sheetKk')}
                </Button>
                <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => void printSheet('ru')}>
                  {t('setup.sheetRu')}
                </Button>
              </Group>
              <Checkbox
                label={t('setup.stored')}
                checked={stored}
                onChange={(e) => setStored(e.currentTarget.checked)}
              />
              <Group justify="flex-end">
                <Button disabled={!stored} onClick={() => setStep(4)}>
                  {t('app.next')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label={t('help.tour.step')}>
            <Stack mt="md" data-testid="keys-tour">
              <Text size="sm">{t('help.tour.intro')}</Text>
              <KeyTable keys={DESK_TOUR} />
              <Group justify="flex-end">
                <Button onClick={onFinished} data-autofocus autoFocus>
                  {t('setup.finish')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
        </Stepper>
      </Paper>
    </Container>
  );
}
