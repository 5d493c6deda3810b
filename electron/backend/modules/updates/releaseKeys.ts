/**
 * The release keys this build trusts (ours): raw Ed25519 public keys, base64url. A manifest signed by any of them is
 * accepted, so a new key is added here one release before the old one is removed (rotation). `npm run
 * release:keygen` appends the key it makes; the private half stays with whoever makes releases, outside the
 * repository. With no key here every update is refused (`updates.refused.noTrustedKeys`).
 */
export const RELEASE_KEYS: readonly string[] = [
  // release keys (keep this line: release:keygen adds above it)
];
