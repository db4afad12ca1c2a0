// The buttons under the conversation: a question's options (one tap answers; or, for a question that
// takes several, taps that select and a confirm button), else the commands offered after the results.
// `send(value, shown)` sends a value and shows `shown` as the user's message.

/** "None" and "don't know" answer on their own: tapping one sends it at once. */
const ALONE = /=(none|\?)$/;
/** Relations a household has only one of: tapping again unselects instead of adding another. */
const ONCE = new Set(["spouse"]);

/**
 * `prompt` is `{options, multiple, actions}` from the server's last answer. Returns the buttons made,
 * in order, so the page can move focus to the first.
 */
export function renderChoices(box, prompt, s, send) {
  box.replaceChildren();
  const options = Array.isArray(prompt?.options) ? prompt.options : [];
  const actions = Array.isArray(prompt?.actions) ? prompt.actions : [];
  if (options.length > 0 && prompt.multiple) checklist(box, options, s, send);
  else if (options.length > 0) for (const o of options) box.append(button("option", o.label, () => send(o.value, o.label), o.value));
  else if (actions.length > 0) for (const a of actions) box.append(button("option action", a.label, () => send(a.value, a.label)));
  box.setAttribute("aria-label", (options.length > 0 ? s.optionsLabel : s.actionsLabel) ?? "");
  box.hidden = box.childElementCount === 0;
}

function button(className, label, onClick, value) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  if (value !== undefined) b.value = value;
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

/**
 * Several options: each tap selects (or unselects) one; for the household members ("#members=...") each tap
 * of a relation adds one more person, shown with a count, except a spouse. Confirm sends the chosen values
 * comma-joined after the key ("#members=spouse,child,child"), which is how the core reads several taps.
 */
function checklist(box, options, s, send) {
  const key = keyOf(options[0].value);
  const counting = key === "members";
  /** value -> times chosen */
  const chosen = new Map();
  const hint = document.createElement("p");
  hint.className = "choose-hint";
  hint.textContent = s.chooseSeveral ?? "";
  box.append(hint);

  const toggles = [];
  for (const o of options.filter((o) => !ALONE.test(o.value))) {
    const b = button("option choice", "", () => {
      const n = chosen.get(o.value) ?? 0;
      if (counting && !ONCE.has(valueOf(o.value))) chosen.set(o.value, n + 1);
      else if (n > 0) chosen.delete(o.value);
      else chosen.set(o.value, 1);
      update();
    }, o.value);
    toggles.push({ b, o });
    box.append(b);
  }
  for (const o of options.filter((o) => ALONE.test(o.value))) box.append(button("option", o.label, () => send(o.value, o.label), o.value));

  const bar = document.createElement("div");
  bar.className = "choice-bar";
  const clear = button("option clear", s.clearChoice ?? "", () => {
    chosen.clear();
    update();
    toggles[0]?.b.focus();
  });
  const confirm = button("confirm-choice", s.confirmChoice ?? "", () => {
    if (chosen.size === 0) return;
    // In the options' order, whatever order they were tapped in: as the labels are shown.
    const picked = toggles.filter(({ o }) => chosen.has(o.value));
    const values = picked.flatMap(({ o }) => Array.from({ length: chosen.get(o.value) }, () => valueOf(o.value)));
    const shown = picked.map(({ o }) => labelWithCount(o.label, chosen.get(o.value), counting));
    send(`#${key}=${values.join(",")}`, shown.join(s.listSeparator ?? ", "));
  });
  bar.append(clear, confirm);
  box.append(bar);

  function update() {
    for (const { b, o } of toggles) {
      const n = chosen.get(o.value) ?? 0;
      b.setAttribute("aria-pressed", n > 0 ? "true" : "false");
      b.textContent = labelWithCount(o.label, n, counting);
    }
    confirm.disabled = chosen.size === 0;
    clear.hidden = chosen.size === 0;
  }
  update();
}

function labelWithCount(label, n, counting) {
  return counting && n > 1 ? `${label} \u00d7${n}` : label;
}

/** "#members=child" -> "members" */
function keyOf(value) {
  return value.slice(1, value.indexOf("="));
}

/** "#members=child" -> "child" */
function valueOf(value) {
  return value.slice(value.indexOf("=") + 1);
}
