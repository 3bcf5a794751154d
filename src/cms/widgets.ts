// Names shared by the editor's configuration (built in Node) and its browser script, kept apart from both so
// that the browser bundle does not pull in the configuration's dependencies.

/** The custom widget for image alt text, required while an image is set (see src/cms/admin.ts). */
export const ALT_WIDGET = "fz-image-alt";
