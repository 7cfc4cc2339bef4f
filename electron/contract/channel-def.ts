/**
 * How a channel is declared: input schema, permission, read or write, and (as a phantom) its
 * result type. Shared by the core channel map and each module's own map (import, admin, export,
 * programmes, visits), which channels.ts merges into the one contract.
 */
import type { z } from 'zod'
import type { Access } from './permissions'

export interface ChannelDef<I extends z.ZodType = z.ZodType, R = unknown> {
  input: I
  access: Access
  /** Writes are audited by the service; the flag lets the router refuse writes while locked. */
  write: boolean
  /** Phantom: carries the result type, never read at run time. */
  result?: R
}

/** A phantom value that carries a result type into the channel map. */
export interface Returns<R> {
  readonly __result?: R
}
export const returns = <R>(): Returns<R> => ({})

export function read<I extends z.ZodType, R>(input: I, access: Access, _r: Returns<R>): ChannelDef<I, R> {
  return { input, access, write: false }
}
export function write<I extends z.ZodType, R>(input: I, access: Access, _r: Returns<R>): ChannelDef<I, R> {
  return { input, access, write: true }
}
