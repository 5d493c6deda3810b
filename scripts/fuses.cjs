// electron-builder's afterPack hook: Electron's fuses, every one of them decided here. With strictlyRequireAllFuses a
// fuse a later Electron adds fails the packaging until it is decided, instead of keeping its default silently
// (electron-builder's own `electronFuses` option cannot ask for that). The fuses are flipped before signing.
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // the window loads app://, never file://
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

exports.FUSES = FUSES;
exports.default = (context) => context.packager.addElectronFuses(context, FUSES);
