import { AppError, type GeneratedFile, type Language, type Station } from '../../../shared/api';
import type { Ctx } from '../context';
import { getStation } from '../modules/station/service';
import { stationIn } from '../../../shared/api/station';
import type { FormData, FormName } from './forms';
import { commitNow } from '../change';

/**
 * Every printed form goes out this way: its data gathered with the station (its header), the form built and
 * rendered to PDF in the documents service's worker, and named for saving.
 */
export async function printForm<K extends FormName>(
  ctx: Pick<Ctx, 'db' | 'documents' | 'unit'>,
  fileName: string,
  form: K,
  language: Language,
  data: (station: Station) => FormData<K>,
): Promise<GeneratedFile> {
  // every form reads the station in its own language (issue 15)
  const station = stationIn(await getStation(ctx.db), language);
  // the pictures no form can draw are left out in the PDF worker (pictures.ts)
  const job = { form, language, data: data(station) };
  // what the call wrote (a p.15 access row) is kept before the seconds of rendering, which must not hold the records
  await commitNow(ctx);
  return { fileName, base64: (await ctx.documents.pdf(job)).toString('base64') };
}

/** A generated file that is not a PDF (a spreadsheet, a transfer package). */
export const generatedFile = (fileName: string, bytes: Buffer): GeneratedFile => ({
  fileName,
  base64: bytes.toString('base64'),
});

const isDrawable = async (ctx: Pick<Ctx, 'documents'>, image: string): Promise<boolean> =>
  ctx.documents.pdf({ form: 'imageCheck', language: 'ru', data: { image } }).then(
    () => true,
    () => false,
  );

/**
 * An image (a person file's photo, a section's plan) is kept only if the forms can draw it: the PDF worker draws it
 * as they do. A data URL of the right kind whose bytes are not a picture passed the format check and then made every
 * print of its passport or card fail. Asked before the change, so the check holds no records.
 */
export async function requireDrawableImage(
  ctx: Pick<Ctx, 'documents'>,
  image: string | null,
  field: string,
): Promise<void> {
  if (image === null || (await isDrawable(ctx, image))) return;
  throw new AppError('VALIDATION', 'validation.imageUnreadable', undefined, [
    { path: field, messageKey: 'validation.imageUnreadable' },
  ]);
}
