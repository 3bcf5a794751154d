// Some wire services annotate Traditional text with pinyin after each simplified-differing character:
// 網(wǎng), 進(jìn). Those annotations go; every other parenthesis stays (English names, years, (app), bylines).
// A parenthesis is an annotation only when it directly follows a Han character and holds nothing but pinyin
// syllables with at least one tone mark, so (Tom), (2023), (app) and (José) survive.

const TONED: Record<string, string> = {
  ā: "a",
  á: "a",
  ǎ: "a",
  à: "a",
  ē: "e",
  é: "e",
  ě: "e",
  è: "e",
  ê: "e",
  ế: "e",
  ề: "e",
  ī: "i",
  í: "i",
  ǐ: "i",
  ì: "i",
  ō: "o",
  ó: "o",
  ǒ: "o",
  ò: "o",
  ū: "u",
  ú: "u",
  ǔ: "u",
  ù: "u",
  ǖ: "v",
  ǘ: "v",
  ǚ: "v",
  ǜ: "v",
  ü: "v",
  ń: "n",
  ň: "n",
  ǹ: "n",
  ḿ: "m",
};
const TONE_MARKS = new Set(Object.keys(TONED).filter((ch) => ch !== "ü"));

// Every toneless syllable of Mandarin (ü written v), as pinyin-pro reads the CJK Unified Ideographs block,
// plus interjections (m, n, ng, hm, hng, o, yo, lo, ei). A fixed list, so that (José) or (Café) is never pinyin.
const SYLLABLES = new Set(
  (
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao " +
    "ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui " +
    "chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding " +
    "diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang " +
    "gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng " +
    "hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju " +
    "juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai " +
    "lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve " +
    "m ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao " +
    "ne nei nen neng ng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan " +
    "pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong " +
    "qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se " +
    "sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo " +
    "si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan " +
    "tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan " +
    "xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen " +
    "zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun " +
    "zhuo zi zong zou zu zuan zui zun zuo" +
    // lüè is often typed without its umlaut
    " lue nue"
  ).split(" "),
);

/** True when `s` (lower case, tone marks removed) splits into one or more pinyin syllables. */
function isPinyinRun(s: string): boolean {
  // Dynamic programming over split points: annotations may join syllables (wǎngluò) or space them.
  const ok: boolean[] = [true];
  for (let end = 1; end <= s.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - 6); start < end; start++) {
      if (ok[start] && SYLLABLES.has(s.slice(start, end))) {
        ok[end] = true;
        break;
      }
    }
  }
  return ok[s.length] === true;
}

/** Whether the inside of a parenthesis is a pinyin annotation. */
export function isPinyinAnnotation(inner: string): boolean {
  const text = inner.normalize("NFC").trim().toLowerCase();
  if (!/^[\p{Script=Latin}' ]+$/u.test(text)) return false;
  if (![...text].some((ch) => TONE_MARKS.has(ch))) return false;
  const plain = [...text].map((ch) => TONED[ch] ?? ch).join("");
  return plain.split(/[ ']+/).filter(Boolean).every(isPinyinRun);
}

const ANNOTATION = /(\p{Script=Han})[(（]([^()（）\n]{1,40})[)）]/gu;

export function stripPinyin(text: string): string {
  // A lookbehind would miss back-to-back annotations sharing no character, so the Han character is captured
  // and put back.
  return text.replace(ANNOTATION, (whole, han: string, inner: string) => (isPinyinAnnotation(inner) ? han : whole));
}
