// Turns pasted article text (already decoded and stripped of pinyin) into parts: the lead, paragraphs and
// section headings, and the metadata that news sites print around an article — photo captions, a closing
// byline, a keyword line and a trailing list of other headlines.

import { fold } from "../text/script.ts";

export type Block = { kind: "paragraph"; text: string } | { kind: "heading"; text: string };

export interface Structured {
  /**
   * Short lines before the lead, as pasted articles often begin: the headline, a subtitle, a line with the
   * date and source. Not part of the body.
   */
  preamble: string[];
  /** First paragraph of the article. */
  lead: string;
  /** Everything after the lead, in order. */
  blocks: Block[];
  authors: string[];
  tags: string[];
  /** Lines of the trailing headline list, cut from the body. */
  headlines: string[];
  /** Photo-caption lines dropped from the body. */
  captions: string[];
}

/** Longest line (in characters) still taken for a section heading. */
export const HEADING_MAX_CHARS = 24;

const KEYWORD_LINE = /^(?:關鍵詞|关键词|關鍵字|关键字|标签|標籤)\s*[:：]\s*(.*)$/u;
// Explicit labels some sites put above the headline list when there is no keyword line.
const LIST_MARKER =
  /^(?:相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|热点推荐|熱點推薦|推荐阅读|推薦閱讀)\s*[:：]?$/u;
const SENTENCE_END = /[。！？!?；;：:，,、…．.]$/u;
const WHOLE_PAREN = /^[(（]([^()（）]*)[)）]$/u;
const CAPTION_WORDS = /圖|图|照片|攝|摄|視頻|视频|截屏|截圖|截图/u;
// Role words are removed wherever they stand (no name contains 记者); the one-character roles of
// `文/图：张三` only when they open a part and are followed by `:` or `/`, so the 文 of 张文静 stays.
const BYLINE_ROLES =
  /(?:責任編輯|责任编辑|實習記者|实习记者|特約記者|特约记者|記者|记者|通訊員|通讯员|實習生|实习生|編輯|编辑|攝影|摄影)\s*[:：]?|(?<=^|[\s、,，;；/:：])[文圖图]\s*[:：/]/gu;
const NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,6}[·•]\p{Script=Han}{1,8})$/u;
// Common Chinese surnames (Simplified; names are folded before the test). A closing (待续) or (第一期) is
// then no byline. Names with a rarer surname stay in the text, which the editor sees and can move by hand.
const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由",
]);
const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "令狐",
  "澹台",
  "端木",
  "西门",
  "南宫",
];

function looksLikeName(name: string): boolean {
  if (!NAME.test(name)) return false;
  const simplified = fold(name);
  return /[·•]/u.test(name) || SURNAMES.has(simplified[0]!) || COMPOUND_SURNAMES.some((s) => simplified.startsWith(s));
}

const CLOSING_PAREN = /\s*[(（]([^()（）]{2,60})[)）]\s*$/u;

/** A photo caption line: a parenthesis on its own line that talks about a picture or video. */
export function isCaption(line: string): boolean {
  const m = WHOLE_PAREN.exec(line);
  return m !== null && CAPTION_WORDS.test(m[1] ?? "");
}

/** Names in a byline like `孫姣姣、張景荃` or `記者 張三 通訊員 李四`; undefined when it is not one. */
export function bylineNames(inner: string): string[] | undefined {
  const names = inner
    .replace(BYLINE_ROLES, " ")
    .split(/[\s、,，;；/]+/u)
    .filter(Boolean);
  return names.length > 0 && names.every(looksLikeName) ? names : undefined;
}

function splitTags(rest: string): string[] {
  return rest.split(/[\s,，、;；|]+/u).filter(Boolean);
}

/** Longest line (in characters) taken for a line of the preamble (a headline, a dateline). */
export const PREAMBLE_MAX_CHARS = 60;
const PARAGRAPH_END = /[。！？!?…][”’」』"]?$/u;

/** Where the article's first paragraph is: the first line that reads as prose, not as a headline or dateline. */
function leadIndex(lines: readonly string[]): number {
  const at = lines.findIndex((l) => PARAGRAPH_END.test(l) || [...l].length > PREAMBLE_MAX_CHARS);
  return at < 0 ? 0 : at;
}

function isHeading(line: string): boolean {
  return [...line].length <= HEADING_MAX_CHARS && !SENTENCE_END.test(line) && !WHOLE_PAREN.test(line);
}

/**
 * Where the article ends (`end`) and the trailing headline list starts (`at`): after a keyword line or a list
 * label below the lead, else at the first line after the lead that repeats the lead's opening words (the
 * list's entry for this very article).
 */
function articleEnd(lines: readonly string[]): { end: number; at: number } {
  const leadAt = leadIndex(lines);
  const keyword = lines.findIndex((l, i) => i > leadAt && KEYWORD_LINE.test(l));
  if (keyword >= 0) return { end: keyword, at: keyword + 1 };
  const marker = lines.findIndex((l, i) => i > leadAt && LIST_MARKER.test(l));
  if (marker >= 0) return { end: marker, at: marker + 1 };
  const lead = lines[leadAt] ?? "";
  const opening = [...lead].slice(0, 8).join("");
  if ([...lead].length >= 8) {
    const repeat = lines.findIndex((l, i) => i > leadAt && l.indexOf(opening) > 0);
    if (repeat >= 0) return { end: repeat, at: repeat };
  }
  return { end: lines.length, at: lines.length };
}

const ROLE_FIRST = /^(?:實習記者|实习记者|特約記者|特约记者|記者|记者|通訊員|通讯员)/u;

/**
 * A byline closing the article: a parenthesis at the end of the last line, `…千家萬戶。(孫姣姣、張景荃)`, or a
 * last line of its own starting with a role, `记者 林晓雯 通讯员 周明远`. Returns the names and what is left.
 */
export function closingByline(line: string): { names: string[]; rest: string } | undefined {
  const m = CLOSING_PAREN.exec(line);
  const inParens = m ? bylineNames(m[1]!) : undefined;
  if (m && inParens) return { names: inParens, rest: line.slice(0, m.index).trim() };
  const bare = ROLE_FIRST.test(line) ? bylineNames(line) : undefined;
  return bare ? { names: bare, rest: "" } : undefined;
}

export function structure(text: string): Structured {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const { end, at } = articleEnd(lines);
  const headlines = lines.slice(at);
  // The keyword line may also stand above the article; wherever it is, it gives tags and leaves the body.
  const keywordLine = lines.slice(0, at).find((l) => KEYWORD_LINE.test(l));
  const tags = keywordLine ? splitTags(KEYWORD_LINE.exec(keywordLine)?.[1] ?? "") : [];
  const kept = lines.slice(0, end).filter((l) => l !== keywordLine);
  const article = kept.filter((l) => !isCaption(l));
  const captions = kept.filter(isCaption);

  const byline = closingByline(article.at(-1) ?? "");
  const authors = byline?.names ?? [];
  if (byline) {
    if (byline.rest === "") article.pop();
    else article[article.length - 1] = byline.rest;
  }

  const leadAt = leadIndex(article);
  const preamble = article.slice(0, leadAt);
  const [lead = "", ...rest] = article.slice(leadAt);
  const blocks: Block[] = rest.map((line, i) =>
    // A heading needs a paragraph after it; a short last line is a paragraph (e.g. 「(完)」 or a sign-off).
    isHeading(line) && i < rest.length - 1 ? { kind: "heading", text: line } : { kind: "paragraph", text: line },
  );
  return { preamble, lead, blocks, authors, tags, headlines, captions };
}

// Characters that would start Markdown structure at the beginning of a line (heading, quote, list, rule,
// HTML) are escaped so pasted prose stays prose.
function escapeLineStart(line: string): string {
  return line.replace(/^([#>*+\-=_`<|~]|\d+[.)](?=\s|$))/u, "\\$1");
}

export function toMarkdown(lead: string, blocks: Block[]): string {
  const parts = [escapeLineStart(lead)];
  for (const b of blocks) parts.push(b.kind === "heading" ? `## ${b.text}` : escapeLineStart(b.text));
  return parts.filter((p) => p !== "").join("\n\n") + "\n";
}
