// 朗读 on a bulletin page: shows the button only where the browser can speak Chinese (speechSynthesis with at
// least one zh voice; voices often arrive after load, announced by `voiceschanged`). The player itself
// (read-aloud-player.js) is imported on the first press, so a reader who never presses pays this file only.
const box = /** @type {HTMLElement | null} */ (document.querySelector("[data-read-aloud]"));
const synth = "speechSynthesis" in window ? window.speechSynthesis : undefined;

if (box && synth && typeof SpeechSynthesisUtterance === "function") {
  const reveal = () => {
    if (box.hidden && synth.getVoices().some((v) => /^(zh|cmn|yue)\b/i.test(v.lang))) box.hidden = false;
  };
  reveal();
  synth.addEventListener("voiceschanged", reveal);

  /** @type {Promise<{ toggle(): void }> | undefined} */
  let player;
  box.querySelector("[data-read-aloud-play]")?.addEventListener("click", async () => {
    player ??= import("./read-aloud-player.js").then((m) => m.createPlayer(box, synth));
    (await player).toggle();
  });
}
