// Eleventy 3 ships JavaScript without declarations; these cover the parts of its API this project uses.
declare module "@11ty/eleventy" {
  export interface UserConfig {
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void, options: T): void;
    addPlugin(plugin: (config: UserConfig) => void): void;
    addFilter(name: string, filter: (this: any, ...args: any[]) => unknown): void;
    addShortcode(name: string, shortcode: (...args: any[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    /** A JavaScript (`.11ty.js`) template: its data, and a render function of the page's data. */
    addTemplate(
      virtualPath: string,
      content: { data: Record<string, unknown>; render(data: any): string | Promise<string> },
    ): void;
    addPassthroughCopy(map: string | Record<string, string>, copyOptions?: { filter?: string[] }): void;
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
    on(event: string, handler: (...args: any[]) => unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: { middleware?: unknown[] }): void;
    setIncludesDirectory(dir: string): void;
    setLayoutsDirectory(dir: string): void;
    setTemplateFormats(formats: string[]): void;
    readonly directories: { input: string; output: string; includes: string };
    ignores: Set<string>;
  }
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        /** `false`: no configuration file (the `config` callback configures everything). */
        configPath?: string | false;
        quietMode?: boolean;
        pathPrefix?: string;
        runMode?: "build" | "serve" | "watch";
        config?: (config: UserConfig) => void | Promise<void>;
      },
    );
    /** Silences Eleventy's console output, its "Wrote N files" line included. */
    disableLogger(): void;
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
  }
}
