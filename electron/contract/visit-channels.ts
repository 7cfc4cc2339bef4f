/** The visit module's channels; merged into the contract by channels.ts. */
export const visitChannels = {}
