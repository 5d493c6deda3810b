import type { CallsOf } from '../../../../shared/api';
import { stationIn } from '../../../../shared/api/station';
import { formatDateTime, fullName } from '../../../../shared/format';
import { generatedFile, printForm } from '../../documents/print';
import { figuresXlsx } from '../../documents/figuresXlsx';
import { getStation } from '../station/service';
import type { Handlers } from '../module';
import { figureEntries } from './entries';
import { figuresReport, periodFigures } from './service';

export const figuresHandlers: Handlers<CallsOf<'figures'>> = {
  'figures.get': async (p, { ctx }) => figuresReport(ctx(), p),
  'figures.print': async ({ from, to, language }, { ctx }) => {
    const c = ctx();
    const report = await periodFigures(c, { from, to });
    return printForm(c, `figures-${from}-${to}-${language}.pdf`, 'figuresReference', language, (station) => ({
      station,
      report,
      printedAt: formatDateTime(c.now),
      printedBy: fullName(c.user),
    }));
  },
  'figures.entries': async (p, { ctx }) => figureEntries(ctx(), p),
  'figures.exportXlsx': async ({ from, to, language }, { ctx }) => {
    const c = ctx();
    const report = await periodFigures(c, { from, to });
    const x = await figuresXlsx(
      {
        station: stationIn(await getStation(c.db), language),
        report,
        printedAt: formatDateTime(c.now),
        printedBy: fullName(c.user),
      },
      language,
    );
    return generatedFile(`figures-${from}-${to}-${language}.xlsx`, x);
  },
};
