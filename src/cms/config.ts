// The web editor's configuration (Decap CMS's config.yml), generated at build time from the registries, the
// site settings and the front-matter schema, so that its pickers, limits and patterns are those `check` applies.
import { stringify } from "yaml";
import type { Registries, RegionNode, SiteSettings } from "../model.ts";
import { frontMatterSchema, SLUG_PATTERN } from "../content/schema.ts";
import { fieldLimits, type FieldLimits } from "./limits.ts";
import { ALT_WIDGET } from "./widgets.ts";

/** Where the editor lives below the path prefix; its files are never listed for crawlers. */
export const ADMIN_PATH = "/admin/";
const BODY_FIELD = "body";
const FOLDER = "content/bulletins";
const MEDIA_FOLDER = "content/images";

type Field = Record<string, unknown>;
type Option = { label: string; value: string };

/** Decap's `pattern`: a regex source and the message shown when a value does not match. */
function lengthPattern(limits: FieldLimits, list: boolean): [string, string] | undefined {
  if (limits.max === undefined) return undefined;
  // Decap tests a list as its items joined with commas, so each item is one comma-free run.
  const item = list ? `[^,]{1,${limits.max}}` : `(?=[\\s\\S]*\\S)[\\s\\S]{1,${limits.max}}`;
  const source = list ? `^${item}(,${item})*$` : `^${item}$`;
  return [source, list ? `每项最多 ${limits.max} 个字` : `最多 ${limits.max} 个字`];
}

function textField(name: string, label: string, widget: string, hint?: string): Field {
  const limits = fieldLimits(frontMatterSchema.shape, name);
  const list = widget === "list";
  const pattern = lengthPattern(limits, list);
  return {
    name,
    label,
    widget,
    required: limits.required,
    ...(pattern ? { pattern } : {}),
    ...(hint ? { hint } : {}),
  };
}

/** 无锡市 · 江苏省: a region's full name and its ancestors, so typing any of them finds it. */
function regionOptions(registries: Registries): Option[] {
  const { regions } = registries;
  const label = (node: RegionNode) =>
    regions
      .path(node.key)
      .reverse()
      .map((n) => n.name)
      .join(" · ");
  return regions.all.map((node) => ({ label: label(node), value: node.key }));
}

function termOptions(entries: readonly { key: string; name: string }[]): Option[] {
  return entries.map((e) => ({ label: e.name, value: e.key }));
}

export interface CmsConfigInput {
  registries: Registries;
  settings: SiteSettings;
}

/** Decap's configuration object (serialised by cmsConfigYaml). */
export function cmsConfig({ registries, settings }: CmsConfigInput): Record<string, unknown> {
  const { cms } = settings;
  const slugSource = SLUG_PATTERN.source;
  const fields: Field[] = [
    textField("title", "标题", "string"),
    {
      name: "date",
      label: "发布时间",
      widget: "datetime",
      format: "YYYY-MM-DD HH:mm",
      date_format: "YYYY-MM-DD",
      time_format: "HH:mm",
      hint: `按${settings.timeZone === "Asia/Shanghai" ? "北京时间" : settings.timeZone}填写；晚于现在的通报到时才会出现在网站上`,
    },
    {
      name: "region",
      label: "地区",
      widget: "select",
      options: regionOptions(registries),
      hint: "输入地名可搜索，如“无锡”",
    },
    {
      name: "campaign",
      label: "专项行动",
      widget: "select",
      multiple: true,
      required: false,
      options: termOptions(registries.campaigns.all),
    },
    {
      name: "types",
      label: "诈骗类型",
      widget: "select",
      multiple: true,
      required: false,
      options: termOptions(registries.types.all),
    },
    textField("tags", "关键词", "list", "用逗号分隔"),
    textField("authors", "作者", "list", "用逗号分隔"),
    textField("source", "来源", "string", "如：无锡市公安局"),
    textField("summary", "摘要", "text", "留空则用正文第一段"),
    {
      ...textField(
        "slug",
        "网址名",
        "string",
        "留空则按标题生成拼音，如 wu-xi-gong-an；只能用小写字母、数字和连字符，发布后不要再改",
      ),
      pattern: [slugSource, "只能用小写字母 a-z、数字和连字符“-”，最多 80 个"],
    },
    {
      name: "image",
      label: "题图",
      widget: "image",
      required: false,
      choose_url: false,
      hint: "上传的图片保存在 content/images/",
    },
    {
      ...textField("image_alt", "题图说明", "string", "有题图时必填：用一句话描述图片内容，供看不到图片的读者使用"),
      widget: ALT_WIDGET,
    },
    { name: "draft", label: "草稿", widget: "boolean", required: false, default: false, hint: "打开后不会发布到网站" },
    {
      name: "lang",
      label: "文字",
      widget: "select",
      required: false,
      options: [
        { label: "简体", value: "zh-Hans" },
        { label: "繁體", value: "zh-Hant" },
      ],
      hint: "正文用繁体字写时选“繁體”",
    },
    {
      name: "updated",
      label: "更新时间",
      widget: "datetime",
      required: false,
      format: "YYYY-MM-DD HH:mm",
      date_format: "YYYY-MM-DD",
      time_format: "HH:mm",
    },
    { name: BODY_FIELD, label: "正文", widget: "markdown", hint: "Markdown：## 小标题，- 列表，**加粗**" },
  ];
  return {
    locale: "zh_Hans",
    backend: {
      ...cms.backend,
      commit_messages: {
        create: "新增通报：{{slug}}",
        update: "修改通报：{{slug}}",
        delete: "删除通报：{{slug}}",
        uploadMedia: "上传图片：{{path}}",
        deleteMedia: "删除图片：{{path}}",
      },
    },
    ...(cms.localBackend ? { local_backend: { url: cms.localBackend } } : {}),
    site_url: settings.url + settings.pathPrefix,
    display_url: settings.url + settings.pathPrefix,
    media_folder: MEDIA_FOLDER,
    public_folder: MEDIA_FOLDER,
    // File names stay ASCII even where the slug field is bypassed.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "bulletins",
        label: "通报",
        label_singular: "通报",
        description: "各地反诈骗通报。保存后网站在下次构建时更新。",
        folder: FOLDER,
        extension: "md",
        format: "frontmatter",
        create: true,
        // content/bulletins/<year>/<slug>.md, as `npm run new` writes; the slug field is filled before saving.
        path: "{{year}}/{{slug}}",
        slug: "{{fields.slug}}",
        identifier_field: "title",
        summary: "{{title}}",
        sortable_fields: ["date", "title"],
        fields,
      },
    ],
  };
}

export function cmsConfigYaml(input: CmsConfigInput): string {
  return `# Generated by the build from the registries, content/site.yaml and src/content/schema.ts: do not edit.\n${stringify(cmsConfig(input), { lineWidth: 0 })}`;
}
