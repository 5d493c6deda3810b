import type { DueItem } from '../../../../shared/api';
import type { Ctx } from '../../context';
import type { DeadlineProvider } from '../module';
import type { TodayWindow } from '../../../../shared/rules/today';

/** The Today screen's sources: every module's deadline providers, each under its rule id. */
export class DeadlineRegistry {
  private readonly providers = new Map<string, DeadlineProvider>();

  register(id: string, p: DeadlineProvider): void {
    if (this.providers.has(id)) throw new Error(`deadline provider ${id} twice`);
    this.providers.set(id, p);
  }

  get ids(): string[] {
    return [...this.providers.keys()];
  }

  async list(ctx: Ctx, date: string, window: TodayWindow = 'soon'): Promise<DueItem[]> {
    const all = (await Promise.all([...this.providers.values()].map((p) => p(ctx, date, window)))).flat();
    return all.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
  }
}
