import type { BackendModule } from '../module';
import { notebookHandlers } from './handlers';
import { dueInstructions, duePassOn, missingCallIns } from './service';

/** The work notebooks (p.20), instructions, information passed on (p.22, p.24(5)), call-ins (p.23(3)). */
export const notebookModule: BackendModule<'notebook'> = {
  handlers: notebookHandlers,
  deadlines: {
    'notebook.passOn': duePassOn,
    'notebook.instruction': dueInstructions,
    'notebook.callIn': missingCallIns,
  },
};
