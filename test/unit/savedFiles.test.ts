import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeAbandoned, saveChosen } from '../../electron/main/savedFiles';
import { tempDir } from './helpers';

// The desktop program's Save (electron/main): the chosen file whole or not there, and no half-written copy of a
// document left in the person's folder after a crash.
describe('a document saved where the person chose', () => {
  it('is written whole under the chosen name, with nothing else left in the folder or in userData', async () => {
    const folder = tempDir();
    const userData = tempDir();
    const journal = path.join(userData, 'saves-in-progress.json');
    await saveChosen(path.join(folder, 'журнал.pdf'), Buffer.from('%PDF-1.7 whole'), journal);
    expect(fs.readdirSync(folder)).toEqual(['журнал.pdf']);
    expect(fs.readFileSync(path.join(folder, 'журнал.pdf'), 'utf8')).toBe('%PDF-1.7 whole');
    expect(fs.readdirSync(userData)).toEqual([]);
  });

  it('a crash between the write and the rename: the next start removes the temporary file, the old file stays', async () => {
    const folder = tempDir();
    const journal = path.join(tempDir(), 'saves-in-progress.json');
    const target = path.join(folder, 'act.pdf');
    fs.writeFileSync(target, 'the copy saved yesterday');
    // what a kill leaves: the journal names the temporary file, the file half written
    const partial = path.join(folder, '.act.pdf.partial');
    fs.writeFileSync(partial, '%PDF-1.7 cut sh');
    fs.writeFileSync(journal, JSON.stringify([partial]));
    removeAbandoned(journal);
    expect(fs.readdirSync(folder)).toEqual(['act.pdf']);
    expect(fs.readFileSync(target, 'utf8')).toBe('the copy saved yesterday');
    expect(fs.existsSync(journal)).toBe(false);
  });

  it('a write that fails leaves neither a temporary file nor the chosen name', async () => {
    const journal = path.join(tempDir(), 'saves-in-progress.json');
    const missing = path.join(tempDir(), 'no-such-folder', 'a.pdf');
    await expect(saveChosen(missing, Buffer.from('x'), journal)).rejects.toThrow();
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(journal)).toBe(false);
  });

  it('a journal that is not ours (edited, garbage) removes nothing but temporary files', () => {
    const folder = tempDir();
    const keep = path.join(folder, 'keep.pdf');
    fs.writeFileSync(keep, 'x');
    const journal = path.join(tempDir(), 'saves-in-progress.json');
    fs.writeFileSync(journal, JSON.stringify([keep, 42]));
    removeAbandoned(journal);
    expect(fs.existsSync(keep)).toBe(true);
    fs.writeFileSync(journal, '{garbage');
    expect(() => removeAbandoned(journal)).not.toThrow();
  });
});
