import type { GeneratedFile, Language, Station } from '../../../shared/api';
import type { Ctx } from '../context';
import { getStation } from '../modules/station/service';
import type { FormData, FormName } from './forms';

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
  const job = { form, language, data: data(await getStation(ctx.db)) };
  // what the call wrote (a p.15 access row) is kept before the seconds of rendering, which must not hold the records
  await ctx.unit?.commit();
  return { fileName, base64: (await ctx.documents.pdf(job)).toString('base64') };
}

/** A generated file that is not a PDF (a spreadsheet, a transfer package). */
export const generatedFile = (fileName: string, bytes: Buffer): GeneratedFile => ({
  fileName,
  base64: bytes.toString('base64'),
});
