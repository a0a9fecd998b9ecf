//! "Save the stage as PNG" for slides: the SVG stage with its styles inlined, the dots of
//! the moment painted on top, rendered into a canvas and downloaded. The browser does the
//! work; this is the glue.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function save_stage_png(filename) {
  const svg = document.querySelector('svg.stage');
  const dots = document.querySelector('canvas.flights');
  if (!svg) return false;
  const rect = svg.getBoundingClientRect();
  const scale = 2;
  const clone = svg.cloneNode(true);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', rect.width);
  clone.setAttribute('height', rect.height);
  // Styles live in the page's stylesheet; an SVG rendered as an image sees none of them.
  let css = '';
  for (const sheet of document.styleSheets) {
    try { for (const rule of sheet.cssRules) css += rule.cssText + '\n'; } catch (e) { /* other origin: skip */ }
  }
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = css + ' svg { background: #ffffff; font-family: system-ui, sans-serif; }';
  clone.insertBefore(style, clone.firstChild);
  const data = new XMLSerializer().serializeToString(clone);
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = rect.width * scale;
    canvas.height = rect.height * scale;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    if (dots) {
      const d = dots.getBoundingClientRect();
      ctx.drawImage(dots, (d.left - rect.left) * scale, (d.top - rect.top) * scale, d.width * scale, d.height * scale);
    }
    const a = document.createElement('a');
    a.download = filename;
    a.href = canvas.toDataURL('image/png');
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(data);
  return true;
}
"#)]
extern "C" {
    /// Starts the download; `false` when there is no stage on the page.
    pub fn save_stage_png(filename: &str) -> bool;
}
