import crypto from 'node:crypto';
import fs from 'node:fs';
import { writeFileAtomic } from './files';

/**
 * The keyring beside the database. Each holder — a user, and the recovery code — has a key pair of his own: the
 * private key wrapped under his secret (scrypt -> AES-256-GCM), the database key sealed to the public key (X25519 ->
 * HKDF -> AES-256-GCM). Sealing needs no secret, so a new database key is sealed to every holder who remains when one
 * is revoked, and the revoked one's old slot opens only the old key (ours, after Signal's and age's sealed boxes).
 * Nothing in it is readable without a password or the code; logins are stored only as salted hashes so the file
 * names nobody.
 */
export const KEY_BYTES = 32;
export type Cipher = 'sqlcipher' | 'aegis256';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** ~100 ms on the station PC; enough to slow a guessing attack, short enough for the desk. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

interface WrappedKey {
  salt: string;
  nonce: string;
  data: string;
  tag: string;
  scrypt: ScryptParams;
}

/** the database key sealed to one public key: an ephemeral X25519 key and AES-256-GCM under their shared secret */
interface Sealed {
  eph: string;
  nonce: string;
  data: string;
  tag: string;
}

/** One holder of the database key. `next` is the key a rotation is putting in place (see Keyring.beginRotation). */
interface Holder {
  publicKey: string;
  privateKey: WrappedKey;
  dbKey: Sealed;
  next?: Sealed;
}

/** format 1 (builds before key rotation): the database key wrapped straight under the secret; read, never written */
type LegacyHolder = WrappedKey;

type Slot<H> = H & {
  /** hash of the login under the keyring's salt */
  id: string;
  userId: number;
};
export type KeySlot = Slot<Holder>;

/**
 * The audit chain's newest row as last seen at lock, kept outside the database so that deleting the newest rows is
 * seen too, not only editing them; MACed with the database key, so it cannot be rewritten without it (ours).
 */
export interface AuditHead {
  rows: number;
  hash: string;
}

export interface KeyringFile {
  format: 1 | 2;
  cipher: Cipher;
  loginSalt: string;
  slots: Slot<Holder | LegacyHolder>[];
  recovery: Holder | LegacyHolder;
  auditHead?: AuditHead & { mac: string };
}

/** what a secret opens: the database key, and the next one while a rotation is under way */
export interface Opened {
  key: Buffer;
  next?: Buffer;
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

function derive(secret: string, salt: Buffer, p: ScryptParams): Buffer {
  return crypto.scryptSync(secret.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r });
}

export function wrapKey(dbKey: Buffer, secret: string, params: ScryptParams = DEFAULT_SCRYPT): WrappedKey {
  const salt = crypto.randomBytes(16);
  const nonce = crypto.randomBytes(12);
  const kek = derive(secret, salt, params);
  const c = crypto.createCipheriv('aes-256-gcm', kek, nonce);
  const data = Buffer.concat([c.update(dbKey), c.final()]);
  kek.fill(0);
  return { salt: b64(salt), nonce: b64(nonce), data: b64(data), tag: b64(c.getAuthTag()), scrypt: params };
}

/** Returns the key, or null when the secret is wrong (the GCM tag does not verify). */
export function unwrapKey(w: WrappedKey, secret: string): Buffer | null {
  const kek = derive(secret, unb64(w.salt), w.scrypt);
  try {
    return gcmOpen(kek, w);
  } finally {
    kek.fill(0);
  }
}

function gcmOpen(k: Buffer, w: { nonce: string; data: string; tag: string }): Buffer | null {
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', k, unb64(w.nonce));
    d.setAuthTag(unb64(w.tag));
    return Buffer.concat([d.update(unb64(w.data)), d.final()]);
  } catch {
    return null;
  }
}

const SEAL_INFO = 'uchaske-keyring-seal';
function sealKey(eph: Buffer, shared: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, eph, SEAL_INFO, 32));
}

function seal(dbKey: Buffer, publicKey: string): Sealed {
  const e = crypto.generateKeyPairSync('x25519');
  const eph = e.publicKey.export({ type: 'spki', format: 'der' });
  const pub = crypto.createPublicKey({ key: unb64(publicKey), type: 'spki', format: 'der' });
  const k = sealKey(eph, crypto.diffieHellman({ privateKey: e.privateKey, publicKey: pub }));
  const nonce = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', k, nonce);
  const data = Buffer.concat([c.update(dbKey), c.final()]);
  k.fill(0);
  return { eph: b64(eph), nonce: b64(nonce), data: b64(data), tag: b64(c.getAuthTag()) };
}

function unseal(s: Sealed, privateKey: crypto.KeyObject): Buffer | null {
  const eph = unb64(s.eph);
  const pub = crypto.createPublicKey({ key: eph, type: 'spki', format: 'der' });
  const k = sealKey(eph, crypto.diffieHellman({ privateKey, publicKey: pub }));
  try {
    return gcmOpen(k, s);
  } finally {
    k.fill(0);
  }
}

/** a new holder of `dbKey` under `secret`: a key pair of its own, so that no earlier secret opens what it is sealed */
function newHolder(dbKey: Buffer, secret: string, params: ScryptParams): Holder {
  const pair = crypto.generateKeyPairSync('x25519');
  const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  const privateKey = wrapKey(pkcs8, secret, params);
  pkcs8.fill(0);
  const publicKey = b64(pair.publicKey.export({ type: 'spki', format: 'der' }));
  return { publicKey, privateKey, dbKey: seal(dbKey, publicKey) };
}

const isLegacy = (h: Holder | LegacyHolder): h is LegacyHolder => !('publicKey' in h);

function openHolder(h: Holder | LegacyHolder, secret: string): Opened | null {
  if (isLegacy(h)) {
    const key = unwrapKey(h, secret);
    return key ? { key } : null;
  }
  const pkcs8 = unwrapKey(h.privateKey, secret);
  if (!pkcs8) return null;
  const priv = crypto.createPrivateKey({ key: pkcs8, type: 'pkcs8', format: 'der' });
  pkcs8.fill(0);
  const key = unseal(h.dbKey, priv);
  if (!key) return null;
  const next = h.next ? unseal(h.next, priv) : null;
  return next ? { key, next } : { key };
}

/** Recovery code: 24 characters from an alphabet without look-alikes, in groups of four. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(24);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}
/** The code as typed: any case, with or without dashes and spaces. */
export const normalizeRecoveryCode = (code: string) =>
  code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/(.{4})(?!$)/g, '$1-');

const headMac = (dbKey: Buffer, h: AuditHead) =>
  crypto.createHmac('sha256', dbKey).update(`audit-head:${h.rows}:${h.hash}`).digest('hex');

export class Keyring {
  constructor(
    readonly file: string,
    private data: KeyringFile,
  ) {}

  static exists(file: string): boolean {
    return fs.existsSync(file);
  }

  static load(file: string): Keyring {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyringFile;
    if (data.format !== 1 && data.format !== 2) throw new Error('keyring format');
    return new Keyring(file, data);
  }

  static create(file: string, cipher: Cipher, dbKey: Buffer, recoveryCode: string, scrypt = DEFAULT_SCRYPT): Keyring {
    return new Keyring(file, {
      format: 2,
      cipher,
      loginSalt: b64(crypto.randomBytes(16)),
      slots: [],
      recovery: newHolder(dbKey, normalizeRecoveryCode(recoveryCode), scrypt),
    });
  }

  get cipher(): Cipher {
    return this.data.cipher;
  }

  /** the station's scrypt cost, as the recovery holder was written with it */
  private get scrypt(): ScryptParams {
    const r = this.data.recovery;
    return isLegacy(r) ? r.scrypt : r.privateKey.scrypt;
  }

  /**
   * Whether every holder was written at a cost no dearer than ours. A keyring beside a copy comes from a USB drive or
   * a share: one forged with N 2^22 would hold the backend for minutes and gigabytes before a secret is even checked.
   */
  costWithin(max: ScryptParams = DEFAULT_SCRYPT): boolean {
    const holders = [...this.data.slots, this.data.recovery];
    return holders.every((h) => {
      const c = isLegacy(h) ? h.scrypt : h.privateKey.scrypt;
      return c.N <= max.N && c.r <= max.r && c.p <= max.p;
    });
  }

  slotId(login: string): string {
    return crypto.createHmac('sha256', unb64(this.data.loginSalt)).update(login.trim().toLowerCase()).digest('hex');
  }

  hasLogin(login: string): boolean {
    const id = this.slotId(login);
    return this.data.slots.some((s) => s.id === id);
  }

  /**
   * The database key and the user it belongs to, or null for a wrong login or password; `legacy` when the slot is of
   * format 1, for the caller to write it anew now that the password is at hand.
   */
  unlock(login: string, password: string): (Opened & { userId: number; legacy: boolean }) | null {
    const slot = this.data.slots.find((s) => s.id === this.slotId(login));
    if (!slot) {
      // same cost as a real attempt, so timing does not tell which logins exist
      openHolder(this.data.recovery, password);
      return null;
    }
    const got = openHolder(slot, password);
    return got ? { ...got, userId: slot.userId, legacy: isLegacy(slot) } : null;
  }

  unlockWithRecovery(code: string): Opened | null {
    return openHolder(this.data.recovery, normalizeRecoveryCode(code));
  }

  /** The user's slot, with a key pair of its own; returns whether it took the place of an earlier one. */
  setSlot(login: string, userId: number, dbKey: Buffer, password: string): boolean {
    const id = this.slotId(login);
    const slot: KeySlot = { id, userId, ...newHolder(dbKey, password, this.scrypt) };
    const replaced = this.data.slots.some((s) => s.id === id || s.userId === userId);
    this.data.slots = [...this.data.slots.filter((s) => s.id !== id && s.userId !== userId), slot];
    this.save();
    return replaced;
  }

  removeSlot(userId: number): void {
    this.data.slots = this.data.slots.filter((s) => s.userId !== userId);
    this.save();
  }

  setRecovery(dbKey: Buffer, code: string): void {
    this.data.recovery = newHolder(dbKey, normalizeRecoveryCode(code), this.scrypt);
    this.save();
  }

  /** holders of format 1 cannot be given a new key without their secret (see beginRotation) */
  get recoveryIsLegacy(): boolean {
    return isLegacy(this.data.recovery);
  }

  /**
   * The first step of a new database key: sealed as `next` to every holder, beside the current one, and saved before
   * the database is rekeyed — so that a kill at any point leaves a keyring that opens the file under either key.
   * Slots of format 1 cannot be sealed to: they are dropped, and their users need a new temporary password. Returns
   * the users dropped.
   */
  beginRotation(next: Buffer): number[] {
    if (isLegacy(this.data.recovery)) throw new Error('the recovery holder must be renewed first');
    const dropped = this.data.slots.filter((s) => isLegacy(s)).map((s) => s.userId);
    const slots = this.data.slots.filter((s): s is KeySlot => !isLegacy(s));
    this.data.slots = slots.map((s) => ({ ...s, next: seal(next, s.publicKey) }));
    this.data.recovery = { ...this.data.recovery, next: seal(next, this.data.recovery.publicKey) };
    this.data.format = 2;
    this.save();
    return dropped;
  }

  /** The database was rekeyed: `next` becomes every holder's key, and the audit head is MACed with it. */
  finishRotation(old: Buffer, next: Buffer): void {
    const promote = <H extends Holder | LegacyHolder>(h: H): H => {
      if (isLegacy(h) || !h.next) return h;
      const { next: sealed, ...rest } = h;
      return { ...rest, dbKey: sealed } as H;
    };
    this.data.slots = this.data.slots.map(promote);
    this.data.recovery = promote(this.data.recovery);
    const head = this.auditHead(old);
    if (head && head !== 'forged') this.data.auditHead = { ...head, mac: headMac(next, head) };
    this.save();
  }

  /** A rotation that never reached the database (a kill before the rekey): the next key is forgotten. */
  dropRotation(): void {
    const drop = <H extends Holder | LegacyHolder>(h: H): H => {
      if (isLegacy(h) || !h.next) return h;
      const { next: _n, ...rest } = h;
      return rest as H;
    };
    this.data.slots = this.data.slots.map(drop);
    this.data.recovery = drop(this.data.recovery);
    this.save();
  }

  /** The head as recorded, or 'forged' when its MAC does not match the database key; null before the first lock. */
  auditHead(dbKey: Buffer): AuditHead | 'forged' | null {
    const h = this.data.auditHead;
    if (!h) return null;
    const want = Buffer.from(headMac(dbKey, h), 'hex');
    const got = Buffer.from(String(h.mac), 'hex');
    const ok = got.length === want.length && crypto.timingSafeEqual(got, want);
    return ok ? { rows: h.rows, hash: h.hash } : 'forged';
  }

  setAuditHead(dbKey: Buffer, head: AuditHead): void {
    const h = this.data.auditHead;
    if (h && h.rows === head.rows && h.hash === head.hash) return;
    this.data.auditHead = { ...head, mac: headMac(dbKey, head) };
    this.save();
  }

  /** This keyring written to another file, with only the slots of the users `keep` names (the recovery slot stays). */
  saveAs(file: string, keep: (userId: number) => boolean): Keyring {
    const k = new Keyring(file, { ...this.data, slots: this.data.slots.filter((s) => keep(s.userId)) });
    k.save();
    return k;
  }

  /** Atomic: temp file, fsync, rename, fsync of the folder. */
  save(): void {
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 1));
  }
}
