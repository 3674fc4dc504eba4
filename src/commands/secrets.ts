// Random secrets and their stored hashes. Session cookies and API tokens are stored only as
// SHA-256 hashes: they are long random values, so a slow hash adds nothing; passwords use argon2.
import { createHash, randomBytes } from 'node:crypto';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
