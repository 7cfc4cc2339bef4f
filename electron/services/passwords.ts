/** Password hashing with scrypt and a per-account random salt (node:crypto, no native extras). */
import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 64
const PARAMS: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function scrypt(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export async function hashPassword(password: string): Promise<{ hash: string; salt: string }> {
  const salt = randomBytes(16).toString('hex')
  const key = await scrypt(password, salt)
  return { hash: `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${key.toString('hex')}`, salt }
}

export async function verifyPassword(password: string, hash: string, salt: string): Promise<boolean> {
  const hex = hash.split('$')[4]
  if (!hex) return false
  const expected = Buffer.from(hex, 'hex')
  const actual = await scrypt(password, salt)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

// No 0/O, 1/l/I: the administrator reads it out or writes it on a slip of paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A temporary password: ten characters, at least one letter and one digit (so the rules pass). */
export function generatePassword(length = 10): string {
  for (;;) {
    const value = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    if (/\d/.test(value) && /[a-zA-Z]/.test(value)) return value
  }
}
