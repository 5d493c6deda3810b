import { useEffect, useRef, useState } from 'react';
import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconLock, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/api';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { useCall } from '../../api/hooks';
import { searchTarget, TAG_KEYS } from './targets';

/** The box's own store: the header's button opens it, and the type-ahead below asks whether it is open. */
export const [searchStore, searchBox] = createSpotlight();

/**
 * Ctrl+K from every screen (issue 17): one box over everything the station holds, as the backend lets the person
 * read it; grouped by kind, the best first; arrows move, Enter opens the record where it lives, Esc closes.
 */
export function SearchSpotlight({ go }: { go: (hash: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // what is typed right after Ctrl+K, before the box has the focus, goes into the box, not the screen behind it
  useEffect(() => {
    const typeAhead = (e: KeyboardEvent) => {
      if (!searchStore.getState().opened || document.activeElement === input.current) return;
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      setQuery((q) => q + e.key);
      input.current?.focus();
    };
    document.addEventListener('keydown', typeAhead, true);
    return () => document.removeEventListener('keydown', typeAhead, true);
  }, []);
  const [typed] = useDebouncedValue(query.trim(), 150);
  const found = useCall('search.find', { query: typed }, { enabled: typed !== '', placeholderData: keepPreviousData });
  const hits = typed === '' ? [] : (found.data ?? []);
  const groups: SearchHit[][] = [];
  for (const h of hits) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.kind === h.kind) last.push(h);
    else groups.push([h]);
  }

  const open = (h: SearchHit) => {
    const target = searchTarget(h);
    if (target) go(target);
    else
      notifications.show({
        color: 'orange',
        icon: <IconLock size={16} />,
        message: t('search.restrictedOpen', { section: h.sectionNumber }),
      });
  };

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      // a desk PC is shared: the next person does not find the last one's search in the box. Cleared here, as the box
      // closes: Mantine's own clearing runs when the closing animation ends, and would eat what was typed meanwhile
      clearQueryOnClose={false}
      onSpotlightClose={() => setQuery('')}
      shortcut={['mod + K']}
      // from every screen, a form's field included
      tagsToIgnore={[]}
      // no animation: the box is there at once for what is typed right after Ctrl+K
      transitionProps={{ duration: 0 }}
      scrollable
      maxHeight={560}
      size={760}
    >
      <Spotlight.Search
        ref={input}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} />}
        rightSection={found.isFetching ? <Loader size={16} /> : null}
        aria-label={t('search.open')}
      />
      <Spotlight.ActionsList>
        {groups.map((g) => (
          <Spotlight.ActionsGroup
            key={g[0]!.kind}
            label={t(`search.kinds.${g[0]!.kind}`)}
            // the heading is drawn by CSS: the group names itself to a screen reader (and to a test)
            role="group"
            aria-label={t(`search.kinds.${g[0]!.kind}`)}
          >
            {g.map((h) => (
              <Spotlight.Action key={`${h.kind}-${h.id}`} onClick={() => open(h)} data-testid="search-hit">
                <HitLine hit={h} />
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {typed === '' && <Spotlight.Empty>{t('search.typeMore')}</Spotlight.Empty>}
        {typed !== '' && found.isSuccess && !found.isPlaceholderData && hits.length === 0 && (
          <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed">
          {t('search.hint')}
        </Text>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}

function HitLine({ hit: h }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const tagKey = TAG_KEYS[h.kind];
  const when = h.kind === 'reception' || h.kind === 'notebook' ? formatDateTime(h.date) : formatDate(h.date);
  const facts = [
    h.number,
    h.born ? t('search.born', { date: formatDate(h.born) }) : null,
    h.kind !== 'citizen' ? when : null,
    h.sectionNumber && !h.restricted ? t('search.section', { number: h.sectionNumber }) : null,
    h.staff && !h.restricted ? h.staff : null,
  ].filter(Boolean);
  return (
    <Group wrap="nowrap" justify="space-between" gap="sm" w="100%">
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600} truncate>
          {h.title}
        </Text>
        {h.restricted ? (
          <Text size="xs" c="orange.8">
            {t('search.restricted', { section: h.sectionNumber, inspector: h.staff })}
          </Text>
        ) : (
          // a name found as the title shows it needs no second line
          !(h.match.field === 'name' && h.match.text === h.title) && (
            <Text size="xs" c="dimmed" truncate>
              {t(`search.fields.${h.match.field}`)}: {h.match.text}
            </Text>
          )
        )}
        {facts.length > 0 && (
          <Text size="xs" c="dimmed" truncate>
            {facts.join(' · ')}
          </Text>
        )}
      </div>
      {h.tag === 'voided' && (
        <Badge size="sm" color="gray" variant="outline">
          {t('reception.status.voided')}
        </Badge>
      )}
      {tagKey && h.tag && (
        <Badge size="sm" variant="light" tt="none">
          {t(`${tagKey}.${h.tag}`)}
        </Badge>
      )}
      {h.restricted && <IconLock size={16} color="var(--mantine-color-orange-7)" />}
    </Group>
  );
}
