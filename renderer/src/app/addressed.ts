import { useState } from 'react';
import type { CSSProperties } from 'react';

/**
 * A screen told something by its address (`#/reception/citizen/5`, a figure's period): `apply` runs once for each
 * new value, during render, as React adjusts state to a changed prop; null applies nothing. The screen's own
 * changes afterwards stand until the address says something new.
 */
export function useFromAddress<T>(value: T | null, apply: (value: T) => void): void {
  const key = value === null ? null : JSON.stringify(value);
  const [seen, setSeen] = useState<string | null>(null);
  if (key !== seen) {
    setSeen(key);
    if (value !== null) apply(value);
  }
}

/** How a record the address names (the search box opened it) is marked in its list. */
export const ADDRESSED: CSSProperties = { outline: '2px solid var(--mantine-color-blue-5)' };
