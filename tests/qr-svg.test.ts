// The poster's QR code: the path draws exactly the modules `qr` laid out, with a quiet zone, small enough for
// a bulletin page's weight budget, and a scanner (jsQR) reads the drawing back as the URL.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import jsQRModule from "jsqr";
import { modulesPath, qrSvg } from "../src/print/qr-svg.ts";

const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;
const URL_OF_A_BULLETIN =
  "https://fanzha.example.org/fanzha/bulletins/2023/08/wuxi-tianwang-xindun-zhuanxiang-xingdong-2023/";

/** The dark modules the path of `svg` draws, read back from its runs: `M x y.5 h n` and `m dx 0 h n`. */
function drawnModules(svg: string): { size: number; dark: Set<string> } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path [^>]*d="([^"]*)"/.exec(svg)?.[1] ?? "";
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?/g)) {
    if (op === "M") [x, y] = [Number(a), Math.floor(Number(b))];
    else if (op === "m") x += Number(a);
    else for (let i = 0; i < Number(a); i++) dark.add(`${x++},${y}`);
  }
  return { size, dark };
}

describe("poster QR code", () => {
  it("draws each row's dark runs with relative moves, offset by the quiet zone", () => {
    assert.equal(
      modulesPath([
        [true, true, false, true],
        [false, true, false, false],
        [false, false, false, false],
      ]),
      "M4 4.5h2m1 0h1M5 5.5h1",
    );
  });

  it("is a small inline SVG, hidden from assistive technology, dark on white", () => {
    const svg = qrSvg(URL_OF_A_BULLETIN);
    assert.ok(svg.length < 3500, `${svg.length} bytes`);
    assert.match(svg, /^<svg class="qr" [^>]*aria-hidden="true"/);
    assert.match(svg, /<rect width="(\d+)" height="\1" fill="#fff"\/><path stroke="#000" d="M/);
  });

  it("reads back, rasterised, as the URL it encodes", () => {
    const { size, dark } = drawnModules(qrSvg(URL_OF_A_BULLETIN));
    assert.ok(size > 8 + 21, `a ${size}-module drawing cannot hold a QR code and its quiet zone`);
    for (const key of dark) {
      const [x, y] = key.split(",").map(Number) as [number, number];
      assert.ok(x >= 4 && y >= 4 && x < size - 4 && y < size - 4, `module ${key} lies in the quiet zone`);
    }
    const scale = 4;
    const width = size * scale;
    const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
    for (let py = 0; py < width; py++) {
      for (let px = 0; px < width; px++) {
        if (!dark.has(`${Math.floor(px / scale)},${Math.floor(py / scale)}`)) continue;
        pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
    assert.equal(jsQR(pixels, width, width)?.data, URL_OF_A_BULLETIN);
  });
});
