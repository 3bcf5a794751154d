// A QR code as a small inline SVG, for the printed poster of a bulletin. `qr` lays out the modules; the
// drawing is ours: one stroked path of horizontal runs with relative moves, about 2–3 KB for a bulletin's
// URL where the library's own SVG (a square per module) is about 10 KB of a page's weight budget.
import encodeQR from "qr";

/** Light modules around the symbol: the quiet zone the QR standard asks for, so a scanner finds the code. */
const QUIET = 4;

/**
 * The path data of a module matrix (true = dark): each row's dark runs as one-unit-wide strokes along the
 * row's middle line, offset by the quiet zone.
 */
export function modulesPath(rows: readonly (readonly boolean[])[]): string {
  let d = "";
  rows.forEach((row, y) => {
    let pen: number | undefined; // x where the pen rests in this row, after the last run drawn
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += pen === undefined ? `M${start + QUIET} ${y + QUIET}.5` : `m${start - pen} 0`;
      d += `h${x - start}`;
      pen = x;
    }
  });
  return d;
}

/**
 * The QR code of `text` as an `<svg>` element, dark on white whatever the page's colours. Error correction
 * "medium" survives a creased or smudged notice-board print; the code is hidden from assistive technology
 * because the same address is printed as text beside it.
 */
export function qrSvg(text: string): string {
  // `qr` refuses a border below one module: it is sliced off, and the quiet zone drawn here instead.
  const rows = encodeQR(text, "raw", { ecc: "medium", border: 1 })
    .slice(1, -1)
    .map((row) => row.slice(1, -1));
  const size = rows.length + 2 * QUIET;
  return (
    `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" aria-hidden="true" focusable="false">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path stroke="#000" d="${modulesPath(rows)}"/></svg>`
  );
}
