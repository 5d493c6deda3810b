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
    }),
    access: 'anyUser',
  }),
};
