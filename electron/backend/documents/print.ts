import type { GeneratedFile, Station } from '../../../shared/api';
import type { Ctx } from '../context';
import { getStation } from '../modules/station/service';
import type { PrintDoc } from './render';

/**
 * Every printed form goes out this way: the form is built with the station (its header), rendered to PDF by the
 * documents service, and named for saving.
 */
export async function printForm(
  ctx: Pick<Ctx, 'db' | 'documents'>,
  fileName: string,
  build: (station: Station) => PrintDoc,
): Promise<GeneratedFile> {
  const dd = build(await getStation(ctx.db));
  return { fileName, base64: (await ctx.documents.pdf(dd)).toString('base64') };
}

/** A generated file that is not a PDF (a spreadsheet, a transfer package). */
export const generatedFile = (fileName: string, bytes: Buffer): GeneratedFile => ({
  fileName,
  base64: bytes.toString('base64'),
});
