() => {
  const out = [];
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== "none") return null;
      const c = parse(cs.backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let base = { r: 255, g: 255, b: 255 };
    for (let i = layers.length - 1; i >= 0; i--) {
      const c = layers[i];
      base = { r: c.r * c.a + base.r * (1 - c.a), g: c.g * c.a + base.g * (1 - c.a), b: c.b * c.a + base.b * (1 - c.a) };
    }
    return base;
  };
  for (const el of document.querySelectorAll("body *")) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join("");
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || el.closest("svg")) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === "hidden") continue;
    const fg = parse(cs.color), bg = background(el);
    if (!fg || !bg) continue;
    const a = lum(fg), b = lum(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) out.push(`contrast ${ratio.toFixed(2)} < ${need}: "${own.slice(0, 30)}"`);
  }
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden") continue;
    const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest("label")
      || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!labelled) out.push(`form control without label: ${el.name}`);
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    out.push(`page wider than the screen: ${document.documentElement.scrollWidth}px`);
  }
  for (const box of document.querySelectorAll(".doc-card, .hit, .qa-main, .card")) {
    const outer = box.getBoundingClientRect();
    for (const el of box.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > outer.right + 1) {
        out.push(`sticks out of its card by ${Math.round(r.right - outer.right)}px: "${(el.textContent || "").trim().slice(0, 30)}"`);
        break;
      }
    }
  }
  const levels = Array.from(document.querySelectorAll("h1, h2, h3, h4")).map((h) => +h.tagName[1]);
  if (levels.filter((l) => l === 1).length !== 1) out.push("not exactly one h1");
  for (let i = 1; i < levels.length; i++) {
    if (levels[i] > levels[i - 1] + 1) out.push(`heading level jumps from h${levels[i - 1]} to h${levels[i]}`);
  }
  return out;
}
