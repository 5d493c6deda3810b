import { useSyncExternalStore } from 'react';
import type { GeneratedFile, Language } from '../../../../shared/api';

/** What a document's preview may let the person change before printing, each re-building the document. */
export interface PreviewChoices {
  language: Language;
  switches: Record<string, boolean>;
  period?: { from: string; to: string };
}

/** One "Print" of the program: how to build the document, and what the preview offers around it. */
export interface PreviewRequest {
  title: string;
  /** the language it opens in; the person's language when not said */
  language?: Language;
  /** false for a document that exists in one form only (the bilingual notice): no language switch */
  bilingual?: boolean;
  /** the document's own options, e.g. the passport's pencil columns */
  switches?: { key: string; label: string; value: boolean }[];
  /** the journal's period, changeable in the preview */
  period?: { from: string; to: string };
  load: (choices: PreviewChoices) => Promise<GeneratedFile>;
}

/** the open preview; `id` tells one opening from the next */
let current: { request: PreviewRequest; id: number } | null = null;
let opened = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Opens the print preview; there is one at a time. */
export function openPreview(request: PreviewRequest): void {
  current = { request, id: ++opened };
  emit();
}

export function closePreview(): void {
  current = null;
  emit();
}

export function usePreviewRequest(): { request: PreviewRequest; id: number } | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => current,
  );
}
