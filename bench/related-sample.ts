// Prints the related headlines of the sample content: `npm run bench:related-sample`.
import { loadSite } from "../src/site.ts";
import { computeRelated } from "../src/related/index.ts";

const site = loadSite({ root: process.cwd(), mode: "production" });
const related = computeRelated(site.bulletins, { ...site.settings.related, now: site.now });
const titles = new Map(site.bulletins.map((b) => [b.url, `${b.title} [${b.region.shortName}]`]));
for (const [url, entries] of related) {
  console.log(`\n${titles.get(url)}`);
  for (const e of entries)
    console.log(`  ${e.fallback ? "·" : "→"} ${e.title} [${e.regionName}] ${e.reasons.join(" · ")}`);
}
