// Eleventy 3 ships JavaScript without declarations; these cover the parts of its API this project uses.
declare module "@11ty/eleventy" {
  export interface UserConfig {
    addPlugin(plugin: (config: UserConfig) => void): void;
    addFilter(name: string, filter: (this: any, ...args: any[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addPassthroughCopy(map: string | Record<string, string>, copyOptions?: { filter?: string[] }): void;
    addWatchTarget(path: string): void;
    on(event: string, handler: (...args: any[]) => unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    ignores: Set<string>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; pathPrefix?: string });
    setIsVerbose?(verbose: boolean): void;
    /** Silences Eleventy's console output, its "Wrote N files" line included. */
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}
