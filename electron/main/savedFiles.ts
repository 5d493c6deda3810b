import fs from 'node:fs';
import path from 'node:path';

/**
 * A document saved where the person chose: written under a temporary name beside it, then renamed, so that a crash
 * never leaves a cut PDF under the chosen name. The temporary name is noted in `journal` (in userData) before the
 * write and dropped after the rename; what a crash left is removed at the next start (`removeAbandoned`) — a
 * half-written copy of a person file must not stay in the Documents folder. Plain Node, tested under Node.
 */
export async function saveChosen(target: string, bytes: Buffer, journal: string): Promise<void> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
  note(journal, (list) => [...list, partial]);
  try {
    await fs.promises.writeFile(partial, bytes);
    await fs.promises.rename(partial, target);
  } catch (e) {
    await fs.promises.rm(partial, { force: true });
    throw e;
  } finally {
    note(journal, (list) => list.filter((p) => p !== partial));
  }
}

/** Removes the temporary files of saves that a crash cut short. */
export function removeAbandoned(journal: string): void {
  for (const partial of read(journal)) fs.rmSync(partial, { force: true });
  fs.rmSync(journal, { force: true });
}

function read(journal: string): string[] {
  try {
    const list: unknown = JSON.parse(fs.readFileSync(journal, 'utf8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && p.endsWith('.partial')) : [];
  } catch {
    return [];
  }
}

function note(journal: string, change: (list: string[]) => string[]): void {
  const next = change(read(journal));
  if (!next.length) return void fs.rmSync(journal, { force: true });
  const tmp = `${journal}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(next));
  fs.renameSync(tmp, journal);
}
