// The web chat page's script. It only shows what /api/chat answers: text is always put on the page as
// text (render.js; never as HTML), and each option or command becomes a real <button> that sends what
// the user could have typed (choices.js).
// The session id, the language, the transcript and the answers panel live in sessionStorage: they last as
// long as the tab, and "start over" / "delete my data" wipe them (and the server's copy) at once.
import { renderChoices } from "./choices.js";
import { messageNode } from "./render.js";

const STORE = { session: "sdbot.session", lang: "sdbot.lang", log: "sdbot.log", prompt: "sdbot.prompt", answers: "sdbot.answers", turn: "sdbot.turn" };
const MAX_SAVED = 300;
const LANGS = ["zh-CN", "en"];

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const el = {
  scroller: $("scroller"),
  log: $("log"),
  status: $("status"),
  options: $("options"),
  form: /** @type {HTMLFormElement} */ ($("composer")),
  input: /** @type {HTMLInputElement} */ ($("input")),
  lang: $("lang"),
  restart: $("restart"),
  del: $("delete"),
  answers: /** @type {HTMLDetailsElement} */ ($("answers")),
  answersList: $("answers-list"),
  answersCount: $("answers-count"),
  confirmDelete: /** @type {HTMLDialogElement} */ ($("confirm-delete")),
};

/** Web strings by language; the page's own language comes with the HTML. */
const stringCache = new Map();
let lang = document.documentElement.lang === "en" ? "en" : "zh-CN";
stringCache.set(lang, { ...$("strings").dataset, _partial: true });

let session = load(STORE.session);
// The turn the server's last answer asks about: sent back with the answer, so a resend after a lost reply
// is not taken as the answer to the next question.
let turn = Number.parseInt(load(STORE.turn) ?? "", 10);
/** @type {{who: "user" | "bot" | "note", text: string, sections?: object[], link?: string}[]} */
let transcript = loadJson(STORE.log, []);
/** The buttons of the last answer: `{options, multiple, actions}`. */
let prompt = loadJson(STORE.prompt, {}, false);
/** @type {{text: string, value: string}[]} */
let answers = loadJson(STORE.answers, []);
let turns = 0;
let busy = 0;
/** Bumped by "start over" and "delete": answers to requests from before are dropped. */
let generation = 0;
let queue = Promise.resolve();

// ---- storage (may be unavailable: private modes, blocked cookies) ----

function load(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function loadJson(key, fallback, list = true) {
  try {
    const value = JSON.parse(load(key) ?? "null");
    const ok = list ? Array.isArray(value) : typeof value === "object" && value !== null && !Array.isArray(value);
    return ok ? value : fallback;
  } catch {
    return fallback;
  }
}

function save(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
  } catch {
    // Not kept across reloads then; the chat still works.
  }
}

// ---- strings ----

function strings() {
  return stringCache.get(lang) ?? {};
}

async function fetchStrings(target) {
  const cached = stringCache.get(target);
  if (cached && !cached._partial) return cached;
  const res = await fetch(`/api/strings?lang=${encodeURIComponent(target)}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`strings: ${res.status}`);
  const data = await res.json();
  stringCache.set(target, data.strings);
  return data.strings;
}

/** Shows the page in `target`: every labelled element, the document language and the address (for reloads). */
async function useLanguage(target) {
  if (!LANGS.includes(target)) return;
  const s = await fetchStrings(target);
  lang = target;
  save(STORE.lang, target);
  document.documentElement.lang = target;
  for (const node of document.querySelectorAll("[data-i18n]")) {
    const text = s[node.getAttribute("data-i18n")];
    if (typeof text === "string") node.textContent = text;
  }
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    const text = s[node.getAttribute("data-i18n-placeholder")];
    if (typeof text === "string") node.setAttribute("placeholder", text);
  }
  for (const node of document.querySelectorAll("[data-i18n-aria-label]")) {
    const text = s[node.getAttribute("data-i18n-aria-label")];
    if (typeof text === "string") node.setAttribute("aria-label", text);
  }
  // The toggle names the other language in that language.
  el.lang.setAttribute("lang", target === "en" ? "zh-CN" : "en");
  try {
    const url = new URL(location.href);
    url.searchParams.set("lang", target);
    history.replaceState(null, "", url);
  } catch {
    // An address we cannot rewrite: only reloads are affected.
  }
}

// ---- rendering ----

function append(entry, remember = true) {
  const item = messageNode(entry, strings(), (value, shown) => say(value, shown));
  el.log.append(item);
  if (remember) {
    transcript.push(entry);
    if (transcript.length > MAX_SAVED) transcript = transcript.slice(-MAX_SAVED);
    save(STORE.log, transcript);
  }
  return item;
}

function showPrompt(next) {
  prompt = typeof next === "object" && next !== null ? next : {};
  save(STORE.prompt, prompt);
  renderChoices(el.options, prompt, strings(), (value, shown) => say(value, shown));
}

/** The recorded answers, each with a button that asks its question again ("change 3"). */
function showAnswers(list) {
  answers = Array.isArray(list) ? list : [];
  save(STORE.answers, answers);
  const s = strings();
  el.answersList.replaceChildren(
    ...answers.map((answer) => {
      const item = document.createElement("li");
      const text = document.createElement("span");
      text.className = "answer-text";
      text.textContent = answer.text;
      const change = document.createElement("button");
      change.type = "button";
      change.className = "change";
      change.textContent = s.change ?? "";
      change.setAttribute("aria-label", `${s.change ?? ""}: ${answer.text}`);
      change.addEventListener("click", () => {
        el.answers.open = false;
        say(answer.value, answer.value);
      });
      item.append(text, change);
      return item;
    }),
  );
  el.answersCount.textContent = answers.length > 0 ? String(answers.length) : "";
  el.answers.hidden = answers.length === 0;
}

/** Long answers (the results) are shown from their start; short ones scroll the log to the end. */
function reveal(first) {
  const box = el.scroller;
  if (first && first.offsetTop + first.offsetHeight < box.scrollHeight && box.scrollHeight - first.offsetTop > box.clientHeight) {
    box.scrollTop = first.offsetTop - 8;
  } else {
    box.scrollTop = box.scrollHeight;
  }
}

function setBusy(delta) {
  busy += delta;
  el.log.setAttribute("aria-busy", busy > 0 ? "true" : "false");
  el.status.textContent = busy > 0 ? (strings().waiting ?? "") : "";
}

/**
 * After a tap removed the focused option, focus goes to the new options, or else to the conversation
 * (not the input: on a phone that would pop the keyboard over the answer). Focus still somewhere is left alone.
 */
function restoreFocus() {
  const active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  const first = el.options.querySelector("button:not([hidden]):not([disabled])");
  (first ?? el.scroller).focus({ preventScroll: true });
}

// ---- talking to the server ----

async function postJson(path, body) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

/** Runs `work` after everything queued before it, so answers reach the server in the order given. */
function enqueue(work) {
  const mine = generation;
  const run = async () => {
    if (mine !== generation) return;
    setBusy(1);
    try {
      await work(() => mine === generation);
    } finally {
      setBusy(-1);
    }
  };
  queue = queue.then(run, run);
  return queue;
}

/** Sends `text` as the user's message; `shown` is what the log shows (an option's label). */
function chat(text, shown, previousPrompt, focusAfter = false) {
  return enqueue(async (current) => {
    let data;
    try {
      data = await postJson("/api/chat", { session, text, lang, turn: Number.isInteger(turn) ? turn : undefined });
    } catch {
      if (!current()) return;
      append({ who: "note", text: strings().error ?? "!" });
      if (previousPrompt) showPrompt(previousPrompt);
      if (shown === undefined && text && !el.input.value) el.input.value = text;
      if (focusAfter) restoreFocus();
      return;
    }
    if (!current()) return;
    session = data.session;
    save(STORE.session, session);
    turn = data.turn;
    save(STORE.turn, String(turn));
    if (data.lang !== lang) await useLanguage(data.lang).catch(() => undefined);
    const effects = Array.isArray(data.effects) ? data.effects : [];
    // Deleted on the server: this tab's copy of the conversation goes too, before the fresh start is shown.
    if (effects.includes("delete-data")) forgetHere();
    const first = showReplies(data);
    if (effects.includes("handout") && typeof data.handout === "string") openHandout(data.handout);
    showAnswers(data.answers);
    turns += 1;
    el.log.dataset.turns = String(turns);
    reveal(first);
    if (focusAfter) restoreFocus();
  });
}

/** The replies as log items (the results as cards); the buttons of the last one that has any. Returns the first item. */
function showReplies(data) {
  let first;
  let latest = {};
  for (const reply of data.replies ?? []) {
    const sections = Array.isArray(reply.sections) ? reply.sections : undefined;
    const item = append({ who: "bot", text: String(reply.text ?? ""), ...(sections && { sections }) });
    first ??= item;
    if (Array.isArray(reply.options) && reply.options.length > 0) latest = { options: reply.options, multiple: reply.multiple === true };
  }
  const actions = Array.isArray(data.actions) ? data.actions : [];
  showPrompt(latest.options ? latest : { actions });
  return first;
}

/** The handout opens in a new tab; the link stays in the log for when a browser blocks that, or to open it again. */
function openHandout(path) {
  append({ who: "bot", text: strings().handoutOpen ?? path, link: path });
  try {
    window.open(path, "_blank", "noopener");
  } catch {
    // The link is there.
  }
}

function say(text, shown) {
  if (!text.trim()) return;
  append({ who: "user", text: shown ?? text });
  reveal();
  const previous = prompt;
  showPrompt({});
  void chat(text, shown, previous, true);
}

/** Empties this tab's copy of the conversation (the log, the buttons, the answers panel). */
function forgetHere() {
  transcript = [];
  save(STORE.log, null);
  showPrompt({});
  showAnswers([]);
  el.log.replaceChildren();
}

/** Forgets this conversation here and on the server, then opens a new one. */
function startOver(note) {
  const old = session;
  generation += 1;
  session = null;
  turn = Number.NaN;
  save(STORE.session, null);
  save(STORE.turn, null);
  forgetHere();
  el.input.value = "";
  if (old) {
    enqueue(async () => {
      await postJson("/api/delete", { session: old }).catch(() => undefined);
    });
  }
  if (note) append({ who: "note", text: note });
  void chat("", undefined);
}

// ---- wiring ----

el.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = el.input.value;
  if (!text.trim()) return;
  el.input.value = "";
  say(text);
});

el.lang.addEventListener("click", () => {
  const target = lang === "en" ? "zh-CN" : "en";
  useLanguage(target).then(
    // The bot switches too and asks its question again in `target` (or opens a conversation in it).
    () => void chat("", undefined),
    () => append({ who: "note", text: strings().error ?? "!" }),
  );
});

el.restart.addEventListener("click", () => startOver());

// Deleting cannot be undone: the page asks first (a dialog of its own; window.confirm where there is none).
el.del.addEventListener("click", () => {
  if (typeof el.confirmDelete.showModal !== "function") {
    if (window.confirm(strings().deleteConfirm ?? "")) startOver(strings().deleted);
    return;
  }
  el.confirmDelete.returnValue = "";
  el.confirmDelete.showModal();
});
$("confirm-delete-no").addEventListener("click", () => el.confirmDelete.close("cancel"));
$("confirm-delete-yes").addEventListener("click", () => el.confirmDelete.close("delete"));
el.confirmDelete.addEventListener("close", () => {
  if (el.confirmDelete.returnValue === "delete") startOver(strings().deleted);
  el.del.focus({ preventScroll: true });
});

async function boot() {
  const saved = load(STORE.lang);
  if (saved && saved !== lang) await useLanguage(saved).catch(() => undefined);
  else el.lang.setAttribute("lang", lang === "en" ? "zh-CN" : "en");
  if (session && transcript.length > 0) {
    // A reload: show the conversation so far and carry on.
    for (const entry of transcript) append(entry, false);
    showPrompt(prompt);
    showAnswers(answers);
    reveal();
  } else {
    session = null;
    transcript = [];
    await chat("", undefined);
  }
}

void boot();
