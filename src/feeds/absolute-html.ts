// Feed readers show an entry's HTML away from the page it came from, with no base URL, so relative links and
// image sources in a bulletin body would break there. This resolves them against the bulletin's absolute URL.
// The body is the sanitised Markdown output, whose attributes are always double-quoted.

const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)(")/g;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function absoluteHtml(html: string, baseUrl: string): string {
  return html.replace(URL_ATTRIBUTE, (whole, open: string, value: string, close: string) => {
    if (value === "" || HAS_SCHEME.test(value)) return whole;
    try {
      return `${open}${new URL(value, baseUrl).href}${close}`;
    } catch {
      return whole;
    }
  });
}
