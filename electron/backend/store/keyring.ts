import crypto from 'node:crypto';
import fs from 'node:fs';
import { writeFileAtomic } from './files';

/**
 * The keyring beside the database: the random database key wrapped once per user
 * (scrypt of his password -> AES-256-GCM) and once under the recovery code.
 * Nothing in it is readable without a password or the code; logins are stored only
 * as salted hashes so the file names nobody.
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

export interface KeySlot extends WrappedKey {
  /** hash of the login under the keyring's salt */
  id: string;
  userId: number;
}

/**
 * The audit chain's newest row as last seen at lock, kept outside the database so that deleting the newest rows is
 * seen too, not only editing them; MACed with the database key, so it cannot be rewritten without it (ours).
 */
export interface AuditHead {
  rows: number;
  hash: string;
}

export interface KeyringFile {
  format: 1;
  cipher: Cipher;
  loginSalt: string;
  slots: KeySlot[];
  recovery: WrappedKey;
  auditHead?: AuditHead & { mac: string };
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
    const d = crypto.createDecipheriv('aes-256-gcm', kek, unb64(w.nonce));
    d.setAuthTag(unb64(w.tag));
    return Buffer.concat([d.update(unb64(w.data)), d.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
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
    if (data.format !== 1) throw new Error('keyring format');
    return new Keyring(file, data);
  }

  static create(file: string, cipher: Cipher, dbKey: Buffer, recoveryCode: string, scrypt = DEFAULT_SCRYPT): Keyring {
    const k = new Keyring(file, {
      format: 1,
      cipher,
      loginSalt: b64(crypto.randomBytes(16)),
      slots: [],
      recovery: wrapKey(dbKey, normalizeRecoveryCode(recoveryCode), scrypt),
    });
    return k;
  }

  get cipher(): Cipher {
    return this.data.cipher;
  }

  slotId(login: string): string {
    return crypto.createHmac('sha256', unb64(this.data.loginSalt)).update(login.trim().toLowerCase()).digest('hex');
  }

  hasLogin(login: string): boolean {
    const id = this.slotId(login);
    return this.data.slots.some((s) => s.id === id);
  }

  /** The database key and the user it belongs to, or null for a wrong login or password. */
  unlock(login: string, password: string): { key: Buffer; userId: number } | null {
    const slot = this.data.slots.find((s) => s.id === this.slotId(login));
    if (!slot) {
      // same cost as a real attempt, so timing does not tell which logins exist
      unwrapKey(this.data.recovery, password);
      return null;
    }
    const key = unwrapKey(slot, password);
    return key ? { key, userId: slot.userId } : null;
  }

  unlockWithRecovery(code: string): Buffer | null {
    return unwrapKey(this.data.recovery, normalizeRecoveryCode(code));
  }

  setSlot(login: string, userId: number, dbKey: Buffer, password: string): void {
    const id = this.slotId(login);
    const slot: KeySlot = { id, userId, ...wrapKey(dbKey, password, this.data.recovery.scrypt) };
    this.data.slots = [...this.data.slots.filter((s) => s.id !== id && s.userId !== userId), slot];
    this.save();
  }

  removeSlot(userId: number): void {
    this.data.slots = this.data.slots.filter((s) => s.userId !== userId);
    this.save();
  }

  setRecovery(dbKey: Buffer, code: string): void {
    this.data.recovery = wrapKey(dbKey, normalizeRecoveryCode(code), this.data.recovery.scrypt);
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
