import type { DueItem } from '../../../../shared/api';
import type { Ctx } from '../../context';

/**
 * The Today screen's sources. A module registers a provider that returns what is due
 * for the caller on a date; each item cites the paragraph its deadline comes from.
 */
export type DeadlineProvider = (ctx: Ctx, date: string) => Promise<DueItem[]>;

export class DeadlineRegistry {
  private readonly providers = new Map<string, DeadlineProvider>();

  register(id: string, p: DeadlineProvider): void {
    if (this.providers.has(id)) throw new Error(`deadline provider ${id} twice`);
    this.providers.set(id, p);
  }

  async list(ctx: Ctx, date: string): Promise<DueItem[]> {
    const all = (await Promise.all([...this.providers.values()].map((p) => p(ctx, date)))).flat();
    return all.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
  }
}
