import { desktop } from '../api/client';
import { bytesOf } from './files';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Hands a file made by the backend (a PDF, a spreadsheet, a package) to the person: in the desktop program the save
 * dialog (the main process writes the file), in a browser a download. The file's name, or null when not saved.
 */
export async function saveFile(file: { fileName: string; base64: string }): Promise<string | null> {
  if (desktop.save) {
    const r = await desktop.save(file);
    return r.saved ? (r.fileName ?? file.fileName) : null;
  }
  const type = TYPES[file.fileName.split('.').pop() ?? ''] ?? 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file.fileName;
}
