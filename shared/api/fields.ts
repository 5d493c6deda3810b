import { z } from 'zod';
import { optionalText, requiredText } from './contract';

/** Field groups several calls share. */
export const personNameFields = {
  surname: requiredText(80),
  name: requiredText(80),
  patronymic: optionalText(80),
  rank: optionalText(80),
  position: optionalText(200),
};

export const stationFields = {
  uppNumber: requiredText(20),
  /** the name as printed after "УПП № 17" (without those words), the police body and the address: in Russian, and
   * in Kazakh for the Kazakh forms (issue 15); a Kazakh one left empty prints the Russian */
  uppName: requiredText(200),
  policeBody: requiredText(200),
  address: requiredText(300),
  uppNameKk: optionalText(200),
  policeBodyKk: optionalText(200),
  addressKk: optionalText(300),
};

/** p.3: a section is urban or rural; rural ones have the daily call-in of p.23(3). */
export const sectionKindSchema = z.enum(['urban', 'rural']);
export const newSectionSchema = z.object({
  number: requiredText(20),
  kind: sectionKindSchema,
});
