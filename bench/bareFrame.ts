// The floor of the webview frame rows: a bare page in the same Chromium, flags, viewport and
// measurement that only clears and redraws a 1280×760 canvas with 400 rects per input event.
// Its frame time is what this machine's software-raster Chromium costs for a frame that does
// almost nothing; the rows report "ours / bare page" measured in the same run.

/** The bare page: a canvas under an empty plot <div>; wheel and drag schedule one draw per frame. */
export const BARE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;background:#1f1f1f}
#plot{position:relative;width:1280px;height:760px}
canvas{position:absolute;left:0;top:0;width:1280px;height:760px}
#lanes{position:absolute;inset:0}
</style></head><body><div id="plot" data-testid="plot"><canvas width="1280" height="760"></canvas>
<div id="lanes" data-testid="lanes"></div></div><div id="k"></div><script>
const c = document.querySelector('canvas');
const ctx = c.getContext('2d');
let k = 1, off = 0, raf = 0;
function draw() {
  raf = 0;
  document.getElementById("k").textContent = k.toFixed(4);
  ctx.clearRect(0, 0, 1280, 760);
  const colours = ['#3794ff', '#89d185', '#cca700', '#f14c4c'];
  for (let s = 0; s < 4; s++) {
    ctx.fillStyle = colours[s];
    ctx.beginPath();
    for (let row = 0; row < 20; row++)
      for (let i = 0; i < 5; i++) {
        const x = 150 + ((row * 97 + i * 211 + s * 53) % 1100) * k + off;
        ctx.rect(x, row * 26 + 4 + s * 4, 40 * k, 12);
      }
    ctx.fill();
  }
}
const schedule = () => { if (!raf) raf = requestAnimationFrame(draw); };
const lanes = document.getElementById('lanes');
lanes.addEventListener('wheel', (e) => { e.preventDefault(); k *= e.deltaY < 0 ? 1.1 : 1 / 1.1; schedule(); });
let down = null;
lanes.addEventListener('mousedown', (e) => { down = e.clientX; });
window.addEventListener('mousemove', (e) => { if (down !== null) { off += e.clientX - down; down = e.clientX; schedule(); } });
window.addEventListener('mouseup', () => { down = null; });
draw();
</script></body></html>`;
