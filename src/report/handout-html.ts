// The handout as one self-contained HTML page: readable on a phone, printed on a few A4 pages
// (print styles, no scripts, no outside resources), every hotline a tel: link.
import type { Handout, HandoutOpen, HandoutService } from "../dialogue/mod.js";
import { translator, type Translate } from "../i18n/mod.js";

const STYLE = `
body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem;line-height:1.55;color:#111}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem;border-bottom:2px solid #333}
.meta{color:#444;font-size:.92rem;margin:.1rem 0}
section.service{border:1px solid #bbb;border-radius:6px;padding:.5rem .8rem;margin:.6rem 0;break-inside:avoid}
section.service h3{font-size:1.02rem;margin:.1rem 0 .3rem}
section.service p{margin:.15rem 0}.sources{color:#555;font-size:.82rem;overflow-wrap:anywhere}
ul.open{padding-left:1.2rem}footer{margin-top:1.4rem;font-size:.9rem;color:#333}
a{color:#0645ad}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:#000;text-decoration:none}section.service{border-color:#888}}
`;

export function handoutHtml(h: Handout): string {
  const t = translator(h.lang);
  const body = [
    `<h1>${esc(t("handout.title"))}</h1>`,
    `<p class="meta">${esc(t("handout.date", { date: h.date }))}</p>`,
    `<p class="meta">${esc(t("handout.people", { people: h.people.join(t("list.and")) }))}</p>`,
    `<p class="meta">${esc(t("handout.privacy"))}</p>`,
    `<h2>${esc(t("handout.found", { count: h.services.length }))}</h2>`,
    h.services.length === 0 ? `<p>${esc(t("handout.none"))}</p>` : h.services.map((s) => serviceHtml(t, s)).join("\n"),
    ...(h.open.length > 0 ? [`<h2>${esc(t("handout.open"))}</h2>`, `<ul class="open">${h.open.map((o) => `<li>${esc(openLine(t, o))}</li>`).join("")}</ul>`] : []),
    `<footer>${esc(t("handout.footer"))} ${tel("12345")}</footer>`,
  ];
  const lang = h.lang === "en" ? "en" : "zh-CN";
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(t("handout.title"))}</title><style>${STYLE}</style></head>\n<body>\n${body.join("\n")}\n</body></html>\n`;
}

function serviceHtml(t: Translate, s: HandoutService): string {
  const line = (key: string, text: string) => `<p>${esc(t(key, { text }))}</p>`;
  return [
    `<section class="service"><h3>${esc(s.name)}</h3>`,
    `<p>${esc(t("handout.for", { who: s.who.join(t("list.and")) }))}</p>`,
    `<p>${esc(s.summary)}</p>`,
    line("handout.gives", s.amount),
    s.where ? line("handout.where", s.where) : "",
    s.online ? line("handout.online", s.online) : "",
    s.hotlines.length > 0 ? `<p>${esc(t("handout.hotline", { numbers: "" }))}${s.hotlines.map(tel).join(" / ")}</p>` : "",
    s.documents.length > 0 ? line("handout.bring", s.documents.join(t("list.and"))) : "",
    `<p class="sources">${esc(t("handout.sources", { text: s.sources.join("; ") }))}</p>`,
    "</section>",
  ].filter(Boolean).join("\n");
}

/** A phone number as a link a phone can call; anything else as text. */
function tel(number: string): string {
  const digits = number.replace(/[^\d+]/g, "");
  return /^\+?\d{3,15}$/.test(digits) ? `<a href="tel:${digits}">${esc(number)}</a>` : esc(number);
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Up to six services by name, then how many more. */
function openLine(t: Translate, o: HandoutOpen): string {
  const shown = o.names.slice(0, 6).join(t("list.and"));
  const names = o.names.length > 6 ? t("handout.andMore", { names: shown, count: o.names.length - 6 }) : shown;
  return t("handout.openLine", { who: o.who, question: o.question, names });
}
