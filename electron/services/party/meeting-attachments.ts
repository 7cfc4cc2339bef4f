/** What an attachment must be: a JPEG, PNG or PDF of at most 10 MB whose bytes say what it claims. */
import { AppError } from '../../contract/errors'

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

const MAGIC: Record<string, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
}

/**
 * Decodes and checks a file. The declared type decides how it is shown and printed, so a file
 * renamed from .doc to .pdf (or a photo sent as a PDF) is refused here rather than failing later.
 */
export function decodeAttachment(mime: string, dataBase64: string): Buffer {
  const data = Buffer.from(dataBase64, 'base64')
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('VALIDATION', 'errors.party.attachmentTooLarge', { params: { maxMb: 10 } })
  }
  const magic = MAGIC[mime]
  if (!magic || data.length < magic.length || magic.some((b, i) => data[i] !== b)) {
    throw new AppError('VALIDATION', 'errors.party.attachmentMismatch', { params: { mime } })
  }
  return data
}
