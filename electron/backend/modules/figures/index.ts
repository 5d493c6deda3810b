import type { BackendModule } from '../module';
import { figuresHandlers } from './handlers';

/** The figures of a period for the chiefs and each inspector for himself (issue 17: p.10, p.24(6), p.26, p.30). */
export const figuresModule: BackendModule<'figures'> = { handlers: figuresHandlers };
