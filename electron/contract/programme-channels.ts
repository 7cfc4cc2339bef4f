/** The programme module's channels; merged into the contract by channels.ts. */
export const programmeChannels = {}
