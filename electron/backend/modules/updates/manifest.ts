import crypto from 'node:crypto';
import yaml from 'js-yaml';

/**
 * A release as a station receives it (ours): electron-builder's manifest `latest.yml` (version, installer name,
 * sha512 in base64, size) and beside it `latest.yml.sig`, a detached Ed25519 signature of the manifest's exact
 * bytes by the project's release key. The signature covers the manifest, the manifest's sha512 covers the installer
 * (checked by electron-updater while it downloads), so nothing is run that the release key did not sign.
 */
export const MANIFEST_FILE = 'latest.yml';
export const SIGNATURE_FILE = `${MANIFEST_FILE}.sig`;
const SIGNATURE_FORMAT = 'uchaske-release-signature/1';

/** A refusal of a release, with the catalog key that tells the administrator which check failed. */
export class UpdateRefusal extends Error {
  constructor(readonly messageKey: RefusalKey) {
    super(messageKey);
  }
}
export type RefusalKey =
  | 'updates.refused.unsigned'
  | 'updates.refused.unknownKey'
  | 'updates.refused.tampered'
  | 'updates.refused.badManifest'
  | 'updates.refused.installerChanged'
  | 'updates.refused.older'
  | 'updates.refused.twoManifests'
  | 'updates.refused.noTrustedKeys'
  | 'updates.refused.windowsSignature';

const b64url = (b: Buffer) => b.toString('base64url');

/** A public key as the app keeps it: the raw 32 bytes of an Ed25519 key, base64url. */
export function publicKeyOf(key: crypto.KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 key');
  return jwk.x;
}

const keyObject = (raw: string) =>
  crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });

/** A short name of a public key, written in the signature so a refusal can say "another key" from "changed". */
export const keyIdOf = (raw: string) =>
  crypto.createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 16);

/** A new release key pair: the private key as PKCS#8 PEM (kept outside the repository), the public key raw. */
export function generateReleaseKey(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicKeyOf(publicKey),
  };
}

/** The signature file's text for a manifest's bytes. */
export function signManifest(manifest: Buffer, privatePem: string): string {
  const key = crypto.createPrivateKey(privatePem);
  const publicKey = publicKeyOf(crypto.createPublicKey(key));
  const signature = b64url(crypto.sign(null, manifest, key));
  return `${JSON.stringify({ format: SIGNATURE_FORMAT, key: keyIdOf(publicKey), ed25519: signature }, null, 1)}\n`;
}

/**
 * Throws an UpdateRefusal unless one of the trusted keys signed these very bytes. The key id only chooses the
 * message: acceptance is the signature verifying under a trusted key.
 */
export function verifyManifest(manifest: Buffer, signatureText: string | null, trustedKeys: readonly string[]): void {
  if (trustedKeys.length === 0) throw new UpdateRefusal('updates.refused.noTrustedKeys');
  if (signatureText == null || signatureText.trim() === '') throw new UpdateRefusal('updates.refused.unsigned');
  let sig: { format?: unknown; key?: unknown; ed25519?: unknown };
  try {
    sig = JSON.parse(signatureText) as typeof sig;
  } catch {
    throw new UpdateRefusal('updates.refused.unsigned');
  }
  if (sig.format !== SIGNATURE_FORMAT || typeof sig.ed25519 !== 'string' || typeof sig.key !== 'string')
    throw new UpdateRefusal('updates.refused.unsigned');
  const bytes = Buffer.from(sig.ed25519, 'base64url');
  for (const raw of trustedKeys) if (crypto.verify(null, manifest, keyObject(raw), bytes)) return;
  const known = trustedKeys.some((raw) => keyIdOf(raw) === sig.key);
  throw new UpdateRefusal(known ? 'updates.refused.tampered' : 'updates.refused.unknownKey');
}

/** What a release says of itself, read from a manifest that has been verified. */
export interface ReleaseFacts {
  version: string;
  installer: string;
  sha512: string;
  size: number;
  releaseDate: string;
  notes: string;
}

/** The manifest electron-builder writes for an NSIS installer (the same fields, so electron-updater reads ours). */
export function manifestText(o: ReleaseFacts & { blockMapSize?: number }): string {
  const file = {
    url: o.installer,
    sha512: o.sha512,
    size: o.size,
    ...(o.blockMapSize ? { blockMapSize: o.blockMapSize } : {}),
  };
  return yaml.dump(
    {
      version: o.version,
      files: [file],
      path: o.installer,
      sha512: o.sha512,
      releaseDate: o.releaseDate,
      releaseNotes: o.notes,
    },
    { lineWidth: -1 },
  );
}

/** sha512 in base64, as electron-builder writes it and electron-updater checks it. */
export const sha512Of = (bytes: Buffer) => crypto.createHash('sha512').update(bytes).digest('base64');

/** The installer a verified manifest names: a plain file name, nothing that could lead out of the release folder. */
export function installerName(url: string): string {
  if (!/^[\w][\w .()+-]*\.exe$/i.test(url)) throw new UpdateRefusal('updates.refused.badManifest');
  return url;
}
