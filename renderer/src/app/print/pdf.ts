import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js draws the very bytes the backend made, in our own page: Electron cannot print from the browser's PDF viewer
 * (electron/electron#30947). Loaded on first use, so the rest of the program starts without it.
 */
export type PdfDoc = PDFDocumentProxy;

let library: Promise<{ pdfjs: typeof import('pdfjs-dist'); worker: import('pdfjs-dist').PDFWorker }> | null = null;
/**
 * The library and one worker thread for every document, started once the program is idle (the preview asks too as it
 * opens): a new worker per document (pdf.js's default) parsed its 1 MB script again for each preview, and twice
 * for a register shown by its first page first. A document's loading task destroyed leaves the shared worker be.
 */
export function loadPdfLibrary() {
  library ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return { pdfjs, worker: new pdfjs.PDFWorker() };
  });
  return library;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDoc> {
  const { pdfjs, worker } = await loadPdfLibrary();
  // pdf.js hands the bytes to its worker; saving uses the file's own base64
  return pdfjs.getDocument({ data: bytes, enableXfa: false, worker }).promise;
}

/** CSS pixels per PDF point at 100 %: pages show at their printed size. */
export const CSS_PER_POINT = 96 / 72;
/** The resolution pages are rendered at for the printer, as pdf.js's own viewer prints. */
const PRINT_DPI = 150;

/** A page's sheet on the screen, in CSS pixels, at a zoom (1 = printed size). */
export const sheetSize = (size: { width: number; height: number }, zoom: number) => ({
  width: Math.floor(size.width * CSS_PER_POINT * zoom),
  height: Math.floor(size.height * CSS_PER_POINT * zoom),
});

/** Draws one page into a canvas at a zoom (1 = printed size), sharp on high-density screens; `stop` cancels it. */
export async function drawPage(
  doc: PdfDoc,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  zoom: number,
  stop: AbortSignal,
) {
  const page = await doc.getPage(pageNumber);
  if (stop.aborted) return;
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: zoom * CSS_PER_POINT * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  const task = page.render({ canvas, viewport });
  stop.addEventListener('abort', () => task.cancel(), { once: true });
  await task.promise;
}

export async function pageSize(doc: PdfDoc): Promise<{ width: number; height: number }> {
  const v = (await doc.getPage(1)).getViewport({ scale: 1 });
  return { width: v.width, height: v.height };
}

const CONTAINER_ID = 'uchaske-print';

/**
 * The print container, as pdf.js's viewer prints: every page rendered at 150 dpi into an image, A4 in the page's
 * orientation, everything else of the window hidden while printing. The same container serves the browser's print
 * and Electron's `webContents.print`; it is removed (and its images freed) by the function returned.
 */
export async function preparePrint(
  doc: PdfDoc,
  landscape: boolean,
  onProgress: (done: number) => void,
): Promise<() => void> {
  const container = document.createElement('div');
  container.id = CONTAINER_ID;
  const style = document.createElement('style');
  style.textContent = `
    #${CONTAINER_ID} { display: none; }
    @media print {
      @page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 0; }
      body > :not(#${CONTAINER_ID}) { display: none !important; }
      #${CONTAINER_ID} { display: block; }
      #${CONTAINER_ID} img { display: block; width: 100%; height: auto; break-after: page; }
    }`;
  const urls: string[] = [];
  const cleanup = () => {
    container.remove();
    style.remove();
    urls.forEach((u) => URL.revokeObjectURL(u));
  };
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: PRINT_DPI / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport, intent: 'print' }).promise;
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'),
      );
      const img = document.createElement('img');
      urls.push((img.src = URL.createObjectURL(blob)));
      await img.decode();
      container.appendChild(img);
      canvas.width = canvas.height = 0;
      onProgress(n);
    }
  } catch (e) {
    cleanup();
    throw e;
  }
  document.head.appendChild(style);
  document.body.appendChild(container);
  return cleanup;
}
