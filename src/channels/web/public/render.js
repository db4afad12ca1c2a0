// Putting the bot's words on the page. Text always goes in as text nodes (never as HTML); the only
// elements made from it are tel: links, whose address is built from the matched digits alone.

// Hotlines (12345, 12348, 12333...), landlines with an area code (0531-86000000), mobiles, 400/800 numbers;
// then 110/119/120/122 only where they stand alone, so "110%" or "120 counties" (written without a space
// in Chinese) stay text, and a results line "110. ..." is not a number to call.
const PHONE =
  /(?<![\d.])(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4}|123\d{2})(?!\d|%|\.\d|-\d)|(?<![\w.])(?:11[09]|12[02])(?=$|[\s/,;:)\]\u3001\uff0c\u3002\uff1b\uff1a\uff09]|\.\s*$)/gu;

/** `text` as text nodes, with each phone number a link a phone can call. */
export function linkify(text) {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const match of text.matchAll(PHONE)) {
    if (match.index > at) out.append(text.slice(at, match.index));
    const link = document.createElement("a");
    link.href = `tel:${match[0].replace(/\D/g, "")}`;
    link.className = "tel";
    link.textContent = match[0];
    out.append(link);
    at = match.index + match[0].length;
  }
  if (at < text.length) out.append(text.slice(at));
  return out;
}

function paragraph(className, text) {
  const p = document.createElement("p");
  p.className = className;
  p.append(linkify(text));
  return p;
}

/**
 * One transcript entry as a log item: `{who, text}`, plus `sections` for the results (a card each, the
 * title above them; numbered lines are buttons that ask for their details) or `link` (the handout).
 * `tap(value, shown)` sends what a button says.
 */
export function messageNode(entry, s, tap) {
  const item = document.createElement("div");
  item.className = `msg ${entry.who}`;
  if (entry.who !== "note") {
    const who = document.createElement("span");
    who.className = "sr-only";
    who.textContent = (entry.who === "user" ? s.you : s.bot) ?? "";
    item.append(who);
  }
  if (Array.isArray(entry.sections) && entry.sections.length > 1) {
    item.classList.add("results");
    item.append(...entry.sections.map((section, i) => (i === 0 ? titleNode(section) : cardNode(section, tap))));
  } else if (typeof entry.link === "string") {
    item.append(linkNode(entry));
  } else {
    item.append(entry.who === "bot" ? paragraph("text", entry.text) : textNode(entry.text));
  }
  return item;
}

/** What the user wrote is shown exactly as written: no links made from it. */
function textNode(text) {
  const p = document.createElement("p");
  p.className = "text";
  p.textContent = text;
  return p;
}

function titleNode(section) {
  return paragraph("text results-title", linesOf(section).map((l) => l.text).join("\n"));
}

function cardNode(section, tap) {
  const card = document.createElement("section");
  card.className = "card";
  linesOf(section).forEach((line, i) => {
    if (typeof line.value === "string" && line.value) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "result-line";
      button.textContent = line.text;
      button.addEventListener("click", () => tap(line.value, line.value));
      card.append(button);
    } else {
      card.append(paragraph(i === 0 ? "card-head" : "card-line", line.text));
    }
  });
  return card;
}

function linesOf(section) {
  return Array.isArray(section?.lines) ? section.lines.filter((l) => typeof l?.text === "string") : [];
}

/** Only a path of this site is linked (the server's /handout), never an address from elsewhere. */
function linkNode(entry) {
  const p = document.createElement("p");
  p.className = "text";
  if (!entry.link.startsWith("/") || entry.link.startsWith("//")) {
    p.textContent = entry.text;
    return p;
  }
  const a = document.createElement("a");
  a.className = "handout-link";
  a.href = entry.link;
  a.target = "_blank";
  a.rel = "noopener";
  a.textContent = entry.text;
  p.append(a);
  return p;
}
