import type { BackendModule } from '../module';
import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';

const documentsHandlers: Handlers<CallsOf<'documents'>> = {
  'documents.progress': async (_input, { ctx }) => {
    const p = ctx().documents.progress();
    return p ? { rendering: true, ...p } : { rendering: false, done: 0, pages: 0, firstPage: false };
  },
  'documents.firstPage': async (_input, { ctx }) => {
    const pdf = ctx().documents.firstPage();
    return pdf ? { base64: pdf.toString('base64') } : null;
  },
};

/** The documents being built: their progress for the print preview. The forms themselves are in backend/documents/. */
export const documentsModule: BackendModule<'documents'> = { handlers: documentsHandlers };
