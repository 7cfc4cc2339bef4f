export declare function findChromium(
  env?: NodeJS.ProcessEnv,
): Promise<{ path: string; source: string } | { missing: string }>
export declare const CHROMIUM_ARGS: string[]
