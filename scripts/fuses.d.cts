/** Electron's fuses as the packaging flips them (scripts/fuses.cjs). */
export declare const FUSES: Record<string | number, unknown>;
declare const afterPack: (context: unknown) => Promise<void>;
export default afterPack;
