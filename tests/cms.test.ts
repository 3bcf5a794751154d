// The web editor's configuration: its pickers come from the registries, its limits and patterns from the
// front-matter schema (so that what the editor accepts, `check` accepts), and its page's policy loosens only
// what Decap needs.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { z } from "zod";
import { cmsConfig, cmsConfigYaml } from "../src/cms/config.ts";
import { fieldLimits } from "../src/cms/limits.ts";
import { frontMatterSchema, SLUG_PATTERN } from "../src/content/schema.ts";
import { headersFile } from "../src/deploy-headers.ts";
import { slugify } from "../src/importer/slug.ts";
import type { CmsSettings } from "../src/model.ts";
import { adminCspDirectives, CSP_DIRECTIVES, cspHeader } from "../src/security.ts";
import { loadSettings } from "../src/settings.ts";
import { loadSite } from "../src/site.ts";
import { ROOT } from "./helpers/site-build.ts";

const site = loadSite({ root: ROOT, contentDir: join(ROOT, "content"), mode: "development", env: {} });
const config = cmsConfig({ registries: site.registries, settings: site.settings });
type Field = {
  name: string;
  widget: string;
  required?: boolean;
  pattern?: [string, string];
  options?: Array<{ label: string; value: string }>;
};
const fields = (config.collections as Array<{ fields: Field[] }>)[0]!.fields;
const field = (name: string): Field => {
  const found = fields.find((f) => f.name === name);
  assert.ok(found, `no field ${name}`);
  return found;
};
const shape = frontMatterSchema.shape as unknown as Record<string, z.ZodType>;

describe("fieldLimits", () => {
  test("finds the longest text a schema accepts, and whether it is required", () => {
    const toy = {
      a: z.string().trim().min(1).max(7),
      b: z.string().max(3).optional(),
      c: z.string(),
      d: z.array(z.string().max(5)).optional(),
    };
    assert.deepEqual(fieldLimits(toy, "a"), { required: true, max: 7 });
    assert.deepEqual(fieldLimits(toy, "b"), { required: false, max: 3 });
    assert.deepEqual(fieldLimits(toy, "c"), { required: true });
    assert.deepEqual(fieldLimits(toy, "d"), { required: false, max: 5 });
    assert.throws(() => fieldLimits(toy, "e"), /no field "e"/);
  });
});

describe("the editor's configuration", () => {
  test("every front-matter field has a form field, and nothing else does", () => {
    assert.deepEqual(
      fields
        .map((f) => f.name)
        .filter((n) => n !== "body")
        .sort(),
      Object.keys(shape).sort(),
    );
  });

  test("required fields are those the schema requires", () => {
    for (const f of fields.filter((f) => f.name !== "body")) {
      const required = !shape[f.name]!.safeParse(undefined).success;
      assert.equal(
        f.required ?? true,
        required,
        `${f.name}: required in the editor ${f.required ?? true}, in the schema ${required}`,
      );
    }
  });

  test("length patterns accept exactly what the schema accepts", () => {
    for (const name of ["title", "summary", "source", "image_alt"]) {
      const pattern = new RegExp(field(name).pattern![0]);
      const { max } = fieldLimits(shape, name);
      assert.ok(max, `${name} has no limit`);
      for (const text of ["字".repeat(max), "字".repeat(max + 1), "  ", "a b"]) {
        if (pattern.test(text))
          assert.ok(
            shape[name]!.safeParse(text).success,
            `${name}: the editor accepts ${JSON.stringify(text.slice(0, 9))}… (${text.length}) but check refuses it`,
          );
      }
      assert.ok(pattern.test("字".repeat(max)), `${name}: the editor refuses the longest text check accepts`);
      assert.ok(!pattern.test("字".repeat(max + 1)), `${name}: the editor accepts a text longer than check does`);
    }
    const listPattern = new RegExp(field("tags").pattern![0]);
    const { max } = fieldLimits(shape, "tags");
    assert.ok(listPattern.test(["反诈", "字".repeat(max!)].join(",")));
    assert.ok(!listPattern.test(["反诈", "字".repeat(max! + 1)].join(",")));
  });

  test("the slug follows the schema's pattern, and the pinyin default fits it", () => {
    assert.equal(field("slug").pattern![0], SLUG_PATTERN.source);
    assert.match(slugify("无锡警方破获冒充电商客服退款诈骗案"), new RegExp(field("slug").pattern![0]));
  });

  test("region, campaign and type are pickers with Chinese names; every region is there", () => {
    const regions = field("region");
    assert.equal(regions.widget, "select");
    assert.equal(regions.options!.length, site.registries.regions.all.length);
    assert.ok(regions.options!.length >= 505, `${regions.options!.length} regions`);
    assert.deepEqual(
      regions.options!.find((o) => o.value === "wuxi"),
      { label: "无锡市 · 江苏省", value: "wuxi" },
    );
    assert.deepEqual(
      field("campaign").options!.find((o) => o.value === "xindun"),
      { label: "心盾", value: "xindun" },
    );
    assert.ok(field("types").options!.some((o) => o.label === "刷单返利"));
  });

  test("Chinese interface, uploads into content/images, files where `npm run new` writes them", () => {
    assert.equal(config.locale, "zh_Hans");
    assert.equal(config.media_folder, "content/images");
    const collection = (config.collections as Array<Record<string, unknown>>)[0]!;
    assert.equal(collection.folder, "content/bulletins");
    assert.equal(collection.path, "{{year}}/{{slug}}");
    assert.deepEqual(parse(cmsConfigYaml({ registries: site.registries, settings: site.settings })), config);
  });

  test("the local backend is named only when `npm run cms` asks for it", () => {
    assert.equal(config.local_backend, undefined);
    const local = cmsConfig({
      registries: site.registries,
      settings: { ...site.settings, cms: { ...site.settings.cms, localBackend: "http://127.0.0.1:9999/api/v1" } },
    });
    assert.deepEqual(local.local_backend, { url: "http://127.0.0.1:9999/api/v1" });
  });
});

describe("the editor's Content-Security-Policy", () => {
  const github: CmsSettings = { backend: { name: "github", repo: "o/r", branch: "main" } };

  test("loosens only scripts, styles, images and connections, towards the git host's API", () => {
    const admin = adminCspDirectives(github);
    const loosened = Object.keys(CSP_DIRECTIVES).filter((k) => admin[k] !== CSP_DIRECTIVES[k]);
    assert.deepEqual(loosened, ["script-src", "style-src", "img-src", "connect-src"]);
    assert.equal(admin["connect-src"], "'self' https://api.github.com");
    assert.equal(admin["frame-ancestors"], "'none'");
    const gitlab = adminCspDirectives({
      backend: {
        name: "gitlab",
        repo: "g/p",
        branch: "main",
        api_root: "https://git.example.org/api/v4",
        base_url: "https://git.example.org",
      },
    });
    assert.equal(gitlab["connect-src"], "'self' https://git.example.org");
    const gitea = adminCspDirectives({
      backend: {
        name: "gitea",
        repo: "g/p",
        branch: "main",
        api_root: "https://api.example.org/v1",
        base_url: "https://login.example.org",
      },
    });
    assert.equal(gitea["connect-src"], "'self' https://api.example.org https://login.example.org");
    const local = adminCspDirectives({ ...github, localBackend: "http://127.0.0.1:8081/api/v1" });
    assert.equal(local["connect-src"], "'self' https://api.github.com http://127.0.0.1:8081");
  });

  test("the _headers file gives /admin/ its own policy and keeps the site's everywhere else", () => {
    const lines = headersFile({ pathPrefix: "/fanzha/", cms: github }).split("\n");
    const at = lines.indexOf("/fanzha/admin/*");
    assert.ok(at > 0, lines.join("\n"));
    assert.match(lines[at + 1]!, /^ {2}Content-Security-Policy: .*'unsafe-eval'/);
    assert.equal(lines[1], `  Content-Security-Policy: ${cspHeader()}`);
  });
});

describe("DECAP_LOCAL_BACKEND", () => {
  test("only decap-server on this machine can be named", () => {
    const load = (value: string) => loadSettings(join(ROOT, "content"), { DECAP_LOCAL_BACKEND: value });
    assert.equal(load("http://127.0.0.1:8081/api/v1").settings?.cms.localBackend, "http://127.0.0.1:8081/api/v1");
    for (const bad of ["https://evil.example.org/api/v1", "not a url", "javascript:alert(1)"]) {
      const { settings, problems } = load(bad);
      assert.equal(settings, undefined);
      assert.match(problems.map((p) => `${p.field}: ${p.message}`).join("\n"), /DECAP_LOCAL_BACKEND.*127\.0\.0\.1/);
    }
  });
});
