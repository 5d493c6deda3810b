import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The text of a PDF as pdftotext (poppler) reads it: what a printer would put on paper. */
export function pdfText(pdf: Buffer, layout = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-pdf-'));
  try {
    const f = path.join(dir, 'doc.pdf');
    fs.writeFileSync(f, pdf);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-pdf-'));
  try {
    const f = path.join(dir, 'doc.pdf');
    fs.writeFileSync(f, pdf);
    const out = execFileSync('pdfinfo', [f], { encoding: 'utf8' });
    return Object.fromEntries(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's words in one line: pdftotext breaks long lines where the printer would. */
export const pdfWords = (pdf: Buffer | string) => (typeof pdf === 'string' ? pdf : pdfText(pdf)).replace(/\s+/g, ' ');
