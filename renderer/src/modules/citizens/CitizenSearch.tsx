import { useEffect, useState } from 'react';
import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CitizenHit } from '../../../../shared/api';
import { formatDate, fullName } from '../../../../shared/format';
import { useCall } from '../../api/hooks';

/**
 * The desk's first field: a few keystrokes of an IIN or a name (Kazakh or Russian
 * letters, any case) offer known citizens with their last visit; Enter takes the first,
 * or — when nobody matches — starts a new citizen with what was typed.
 */
export function CitizenSearch({
  onPick,
  onNew,
  label,
  autoFocus = true,
  short = false,
}: {
  onPick: (c: CitizenHit) => void;
  onNew: (typed: string) => void;
  label?: string;
  autoFocus?: boolean;
  /** a narrow box: the short hint, so it is not cut off */
  short?: boolean;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query] = useDebouncedValue(typed.trim(), 150);
  const combobox = useCombobox();
  const hits = useCall('citizens.search', { query, limit: 8 }, { enabled: query.length >= 2, staleTime: 10_000 });
  const options = query.length >= 2 ? (hits.data ?? []) : [];

  useEffect(() => {
    if (options.length > 0) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
    // the list of hits drives the dropdown; combobox is a stable store
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits.data, query]);

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        const c = options.find((x) => String(x.id) === id);
        if (c) onPick(c);
        setTyped('');
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label={label ?? t('reception.findCitizen')}
          placeholder={t(short ? 'reception.findHintShort' : 'reception.findHint')}
          leftSection={<IconSearch size={16} />}
          rightSection={hits.isFetching ? <Loader size={14} /> : null}
          value={typed}
          data-autofocus={autoFocus || undefined}
          autoFocus={autoFocus}
          onChange={(e) => setTyped(e.currentTarget.value)}
          onFocus={() => options.length > 0 && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          data-enter-own
          onKeyDown={(e) => {
            // nobody known by what was typed: Enter carries it into the new citizen's fields
            if (e.key === 'Enter' && options.length === 0 && typed.trim() !== '' && !hits.isFetching) {
              e.preventDefault();
              onNew(typed.trim());
              setTyped('');
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options>
          {options.map((c) => (
            <Combobox.Option value={String(c.id)} key={c.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div>
                  <Text size="sm" fw={500}>
                    {fullName(c)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.iin ?? t(`iin.no.${c.noIin ?? 'unknown'}`)}
                    {c.birthDate ? ` · ${formatDate(c.birthDate)}` : ''}
                    {c.address ? ` · ${c.address}` : ''}
                  </Text>
                </div>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {c.lastVisit
                    ? t('reception.lastVisit', { date: formatDate(c.lastVisit), count: c.visits })
                    : t('reception.neverVisited')}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
