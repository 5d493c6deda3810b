/** Path of the Electron binary, or null where it was never downloaded. */
export function electronBinary(): string | null;
