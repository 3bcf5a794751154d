// Runs in the browser beside Decap CMS on /admin/ (bundled by src/cms/bundle.ts): what Decap's configuration
// cannot say. A new bulletin's empty slug becomes the pinyin of its title (the same slugify as `npm run new`);
// empty optional fields are not written; alt text is required while a lead image is set; and the preview
// lays the bulletin out with the site's own stylesheet and classes.
import { slugify } from "../importer/slug.ts";
import { ALT_WIDGET } from "./widgets.ts";

/** The parts of Immutable.js values Decap hands over that this file uses. */
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  filter(keep: (value: unknown, key: string) => boolean): ImmutableMap;
  toJS(): unknown;
}
interface ImmutableList {
  size: number;
  toJS(): unknown[];
}
type Element = unknown;
type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;
interface ComponentClass {
  new (...args: never[]): { props: Record<string, unknown> };
}
interface Decap {
  registerEventListener(listener: {
    name: string;
    handler: (arg: { entry: ImmutableMap }) => ImmutableMap | undefined;
  }): void;
  getWidget(name: string): { control: ComponentClass; preview: unknown };
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
}
interface PreviewProps {
  entry: ImmutableMap;
  fields: { toJS(): Array<{ name: string; options?: Array<{ label: string; value: string }> }> };
  widgetFor(name: string): Element;
  getAsset(path: string): { toString(): string } | undefined;
}

const win = window as unknown as {
  CMS: Decap;
  h: CreateElement;
  createClass: (spec: { render(this: { props: PreviewProps }): Element }) => unknown;
};
const { CMS, h } = win;

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  return typeof (value as ImmutableList).size === "number" && (value as ImmutableList).size === 0;
}

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    let data = entry.get("data") as ImmutableMap;
    // Only a new bulletin gets a slug: on an existing one it would move the published URL.
    const title = data.get("title");
    if (entry.get("newRecord") && isBlank(data.get("slug")) && typeof title === "string")
      data = data.set("slug", slugify(title));
    // `draft: false` is the default; writing it, like an empty field, would only add noise to the file.
    return data.filter((value, key) => !isBlank(value) && !(key === "draft" && value === false));
  },
});

const StringControl = CMS.getWidget("string").control;
class AltControl extends StringControl {
  isValid(): true | { error: { type: string; message: string } } {
    const props = this.props as { entry: ImmutableMap; value?: unknown };
    if (isBlank(props.entry.getIn(["data", "image"])) || !isBlank(props.value)) return true;
    return { error: { type: "CUSTOM", message: "有题图时必须填写题图说明" } };
  }
}
CMS.registerWidget(ALT_WIDGET, AltControl, CMS.getWidget("string").preview);

// The preview frame is about:blank, so the stylesheet's URL is made absolute against this page.
CMS.registerPreviewStyle(new URL("../css/site.css", document.baseURI).href);

/** Option labels of a select field by value: the Chinese names the pickers show. */
function labels(props: PreviewProps, field: string): Map<string, string> {
  const options = props.fields.toJS().find((f) => f.name === field)?.options ?? [];
  return new Map(options.map((o) => [o.value, o.label]));
}

function values(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  return (value as ImmutableList).toJS().map(String);
}

CMS.registerPreviewTemplate(
  "bulletins",
  win.createClass({
    render() {
      const { props } = this;
      const data = props.entry.get("data") as ImmutableMap;
      const text = (name: string) => (typeof data.get(name) === "string" ? (data.get(name) as string) : "");
      const region = labels(props, "region").get(text("region")) ?? text("region");
      const campaigns = labels(props, "campaign");
      const types = labels(props, "types");
      const badges = [
        ...values(data.get("campaign")).map((k) =>
          h("li", { key: `c-${k}` }, h("span", { className: "badge badge-campaign" }, campaigns.get(k) ?? k)),
        ),
        ...values(data.get("types")).map((k) =>
          h("li", { key: `t-${k}` }, h("span", { className: "badge badge-type" }, types.get(k) ?? k)),
        ),
      ];
      const image = text("image");
      const authors = values(data.get("authors"));
      const tags = values(data.get("tags"));
      return h(
        "main",
        { className: "main main-bulletin" },
        h(
          "article",
          { className: "article", lang: text("lang") || undefined },
          h(
            "header",
            { className: "article-header" },
            data.get("draft") ? h("p", { className: "status-banner" }, "草稿：不会发布。") : null,
            h(
              "div",
              { className: "article-topline" },
              h("p", { className: "kicker" }, region.split(" · ").reverse().join(" › ")),
            ),
            h("h1", null, text("title")),
            h(
              "p",
              { className: "meta article-meta" },
              h("time", null, text("date")),
              text("source") ? h("span", null, `来源：${text("source")}`) : null,
              authors.length ? h("span", null, authors.join("　")) : null,
            ),
            badges.length ? h("ul", { className: "badges" }, ...badges) : null,
          ),
          image
            ? h(
                "figure",
                { className: "lead-image" },
                h("img", { src: props.getAsset(image)?.toString(), alt: text("image_alt") }),
              )
            : null,
          h("div", { className: "prose" }, props.widgetFor("body")),
          tags.length ? h("p", { className: "tags" }, `关键词：${tags.join("、")}`) : null,
        ),
      );
    },
  }),
);
