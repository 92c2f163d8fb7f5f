import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's recommended argon2id parameters (19 MiB, 2 passes, 1 lane).
// The library's Algorithm enum is a const enum, which isolated modules cannot read: 2 is Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A hash to verify against when the account does not exist, so that both cases take as long. */
const DUMMY_HASH = hash('no account has this password', OPTIONS);

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches `passwordHash`; a missing hash never matches but costs the same time. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const matches = await verify(passwordHash ?? (await DUMMY_HASH), password);
  return passwordHash !== null && matches;
}

/** A one-time initial password: 18 random characters, readable aloud on the phone if need be. */
export function initialPassword(): string {
  return randomBytes(18).toString('base64url').slice(0, 18);
}
