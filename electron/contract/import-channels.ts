/** The import module's channels; merged into the contract by channels.ts. */
export const importChannels = {}
