/** The same keys as the Russian text, every value a string: what the Kazakh text of a catalog must be. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * One module's texts in both languages, side by side; the compiler refuses a Kazakh text with a key missing or extra.
 */
export const defineCatalog = <T extends object>(ru: T, kk: Shape<T>) => ({ ru, kk });
