// The headline list printed after an article starts with this article: its title, a space, and the opening
// words of its lead (cut off mid-sentence). Titles may contain spaces themselves, so the title is found by
// where the lead's opening starts inside the entry, not by splitting on whitespace.

/** Fewest lead characters an entry must repeat to count as this article's entry. */
export const MIN_REPEATED = 6;

function stripEllipsis(s: string): string {
  return s.replace(/(?:\.{2,}|…+|。{2,})$/u, "").trimEnd();
}

/** The title part of `entry` when the rest of it is the lead's opening; undefined otherwise. */
export function titleFromEntry(entry: string, lead: string): string | undefined {
  const tail = stripEllipsis(entry);
  const chars = [...tail];
  // Earliest start wins: the longest repeated opening is the most certain match.
  for (let i = 1; i <= chars.length - MIN_REPEATED; i++) {
    const rest = chars.slice(i).join("");
    if (lead.startsWith(rest)) {
      const title = chars.slice(0, i).join("").trim();
      return title === "" ? undefined : title;
    }
  }
  return undefined;
}

export interface FoundTitle {
  title: string;
  /** The list cut the title short (it ended in an ellipsis, now removed): the editor should complete it. */
  shortened: boolean;
}

export function detectTitle(lead: string, headlines: readonly string[]): FoundTitle | undefined {
  for (const entry of headlines) {
    const found = titleFromEntry(entry, lead);
    if (found === undefined) continue;
    const title = stripEllipsis(found);
    if (title !== "") return { title, shortened: title !== found };
  }
  return undefined;
}
