import { renderPdf } from './render';
import { buildForm, type FormJob } from './forms';

/** The fields of a form's data that hold a picture: a person file's photo, the section plan's image. */
const PICTURE_FIELDS = new Set(['photo', 'image']);

/** Whether the forms can draw a picture: it is drawn as they draw it, on a page of its own. */
export const canDraw = (resourcesDir: string, image: string): Promise<boolean> =>
  renderPdf(resourcesDir, buildForm({ form: 'imageCheck', language: 'ru', data: { image } })).then(
    () => true,
    () => false,
  );

/**
 * A form's job with every picture the forms cannot draw left out (as if there were none): one saved before pictures
 * were checked (a first-wave photo or plan) made every print of its card or passport fail. Done in the PDF worker:
 * the walk over a 2,000-row register held the backend's thread for 8–16 ms, a search's time several times over.
 */
export async function drawableImagesOnly(resourcesDir: string, job: FormJob): Promise<FormJob> {
  if (job.form === 'imageCheck') return job;
  const holders: { at: Record<string, unknown>; key: string; image: string }[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, v] of Object.entries(node)) {
      // only the fields that hold a picture: a text typed as "data:image/…" is printed as typed, not left out
      if (PICTURE_FIELDS.has(key) && typeof v === 'string' && v.startsWith('data:image/'))
        holders.push({ at: node as never, key, image: v });
      else walk(v);
    }
  };
  walk(job.data);
  for (const h of holders) if (!(await canDraw(resourcesDir, h.image))) h.at[h.key] = null;
  return job;
}
