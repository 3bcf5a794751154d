import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { readingMinutes, renderBody, summarise } from "../src/markdown.ts";

describe("markdown", () => {
  it("shows raw HTML as text and drops javascript: links", () => {
    const { html } = renderBody(
      '提醒<script>alert("x")</script>，[点这里](javascript:alert(1)) <img src=x onerror=alert(1)>',
    );
    assert.ok(!html.includes("<script"), html);
    assert.ok(!html.includes("<img"), html);
    assert.ok(!/href="javascript:/i.test(html), html);
    assert.ok(html.includes("&lt;script&gt;"), html);
  });
  it("puts root-relative links and images under the path prefix", () => {
    const { html } = renderBody(
      "[无锡](/regions/wuxi/) [外站](https://a.cn/) [协议](//a.cn/x) ![图](/content/images/a.png)",
      "/fanzha/",
    );
    assert.ok(html.includes('href="/fanzha/regions/wuxi/"'), html);
    assert.ok(html.includes('href="https://a.cn/"') && html.includes('href="//a.cn/x"'), html);
    assert.ok(html.includes('src="/fanzha/content/images/a.png"'), html);
    assert.ok(renderBody("[无锡](/regions/wuxi/)").html.includes('href="/regions/wuxi/"'));
  });
  it("gives Chinese headings readable, unique ids", () => {
    const { html, headings } = renderBody("## 案情回顾\n\n文\n\n## 警方提示：谨防“刷单”\n\n## 案情回顾\n\n## ！！\n");
    assert.deepEqual(
      headings.map((h) => h.id),
      ["案情回顾", "警方提示-谨防-刷单", "案情回顾-2", "section-4"],
    );
    assert.ok(html.includes('<h2 id="案情回顾">'));
  });
  it("counts Chinese reading time by characters", () => {
    assert.equal(readingMinutes("骗".repeat(1200)), 3);
    assert.equal(readingMinutes("短"), 1);
    // Han characters outside the Basic Multilingual Plane and the Han-script marks count; kana and punctuation do not.
    assert.equal(readingMinutes("𠀀々〇".repeat(200) + "あ。，".repeat(400)), 2);
  });
  it("cuts a long lead at a sentence end", () => {
    const lead = "第一句话说明情况。".repeat(10) + "最后";
    const s = summarise(lead, 50);
    assert.ok(s.endsWith("。") && s.length <= 50, s);
    const { firstParagraph } = renderBody("## 标题\n\n第一段**加粗**。\n\n第二段");
    assert.equal(firstParagraph, "第一段加粗。");
  });
});
