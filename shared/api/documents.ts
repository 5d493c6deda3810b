import { z } from 'zod';
import { defineCall } from './contract';

export const documentsApi = {
  /** How far the document being built for this session has got, for the print preview's progress (ours). */
  'documents.progress': defineCall({
    input: z.object({}),
    output: z.object({
      rendering: z.boolean(),
      done: z.number().int().min(0),
      pages: z.number().int().min(0),
      /** a long document's first page can be shown (`documents.firstPage`) while the whole is built */
      firstPage: z.boolean(),
    }),
    access: 'anyUser',
  }),
  /** The first page of the document being built, as a PDF of its own; null when none is ready (issue 14). */
  'documents.firstPage': defineCall({
    input: z.object({}),
    output: z.object({ base64: z.string() }).nullable(),
    access: 'anyUser',
  }),
};
