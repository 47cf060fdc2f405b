// The web questionnaire's behaviour: keep every answer in this browser as it is given (so
// closing and opening the file again resumes), count what is answered, and on "Save My
// Answers" download a Groundswell "responses" file (docs/exchange-formats.md) for the
// consultant to import. Nothing is ever sent anywhere: the page's Content-Security-Policy
// forbids every request, and this script makes none.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("gs-data").textContent);
  const form = document.getElementById("gs-form");
  const items = Array.from(form.querySelectorAll("fieldset[data-item]"));
  const nameField = document.getElementById("gs-name");
  const groupField = document.getElementById("gs-group");
  const progress = document.getElementById("gs-progress");
  const saved = document.getElementById("gs-saved");
  const storageKey = "groundswell:" + data.file.assessment.id + ":" + (data.respondent.id || "anyone");

  // A version 4 UUID from the browser's random numbers (crypto.randomUUID needs a secure
  // context, which a file opened from disk is not in every browser).
  function newUuid() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey)) || {};
    } catch (e) {
      return {};
    }
  }

  // Storage can be refused (private windows, full disks): answering still works, only
  // resuming after closing does not.
  function keep() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) {
      /* nothing to do: the answers are still on the page */
    }
  }

  const state = load();
  state.id = state.id || data.respondent.id || newUuid();
  state.answers = state.answers || {};
  state.notes = state.notes || {};

  function restore() {
    nameField.value = state.name !== undefined ? state.name : data.respondent.name;
    groupField.value = state.group !== undefined ? state.group : data.respondent.group;
    for (const fieldset of items) {
      const id = fieldset.dataset.item;
      const answer = state.answers[id];
      if (answer !== undefined) {
        const radio = fieldset.querySelector('input[type="radio"][value="' + answer + '"]');
        if (radio) radio.checked = true;
      }
      const note = fieldset.querySelector("textarea");
      if (note && state.notes[id]) {
        note.value = state.notes[id];
        note.closest("details").open = true;
      }
    }
  }

  // The messages in the language shown: a bilingual page carries both (gs-web-bilingual.c).
  function messages() {
    const all = data.messages_by_language;
    return (all && all[document.documentElement.lang]) || data.messages;
  }

  // A bilingual page's switch: the page shows the spans of its <html lang>.
  function chooseLanguage(button) {
    document.documentElement.lang = button.dataset.language;
    for (const other of document.querySelectorAll("button[data-language]")) {
      other.setAttribute("aria-pressed", String(other === button));
    }
    showProgress();
    saved.textContent = "";
  }

  function answeredCount() {
    return items.filter((fieldset) => state.answers[fieldset.dataset.item] !== undefined).length;
  }

  function showProgress() {
    progress.textContent = messages().progress
      .replace("{answered}", String(answeredCount()))
      .replace("{total}", String(items.length));
  }

  function remember(event) {
    const target = event.target;
    const fieldset = target.closest("fieldset[data-item]");
    if (target === nameField) state.name = nameField.value;
    else if (target === groupField) state.group = groupField.value;
    else if (fieldset && target.type === "radio") state.answers[fieldset.dataset.item] = target.value;
    else if (fieldset && target.tagName === "TEXTAREA") state.notes[fieldset.dataset.item] = target.value;
    keep();
    showProgress();
  }

  function answerOf(id) {
    const given = state.answers[id];
    const note = (state.notes[id] || "").trim();
    const answer = { item: id, status: given };
    if (given !== "dont-know" && given !== "not-applicable") {
      answer.status = "value";
      answer.value = Number(given);
    }
    answer.note = note;
    return answer;
  }

  // One line of text, as the importer requires of names and groups.
  function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  }

  // The file Groundswell wrote for this page (format, ids, no respondents) with this one.
  function responsesFile(name) {
    const answered = items.map((f) => f.dataset.item).filter((id) => state.answers[id] !== undefined);
    const file = JSON.parse(JSON.stringify(data.file));
    file.respondents = [{
      id: state.id,
      name: name,
      group: oneLine(groupField.value),
      saved: new Date().toISOString(),
      answers: answered.map(answerOf),
    }];
    return file;
  }

  function fileName(name) {
    const slug = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase();
    return [slug(data.file.organisation.name), slug(name), "answers"].filter((part) => part !== "").join("-") + ".json";
  }

  function save() {
    const name = oneLine(nameField.value) || messages().anonymous.replace("{code}", state.id.slice(0, 4));
    const text = JSON.stringify(responsesFile(name), null, 1) + "\n";
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = fileName(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    saved.textContent = messages().saved
      .replace("{file}", link.download)
      .replace("{answered}", String(answeredCount()))
      .replace("{total}", String(items.length));
  }

  // For shared computers: forget everything kept for this page, and start afresh with a new
  // respondent id (a page for anyone) so the next person is not taken for this one.
  function clearAll() {
    if (!window.confirm(messages().clear)) return;
    try {
      window.localStorage.removeItem(storageKey);
    } catch (e) {
      /* nothing was kept */
    }
    for (const key of Object.keys(state)) delete state[key];
    state.id = data.respondent.id || newUuid();
    state.answers = {};
    state.notes = {};
    form.reset();
    for (const details of form.querySelectorAll("details")) details.open = false;
    restore();
    showProgress();
    saved.textContent = "";
  }

  restore();
  showProgress();
  form.addEventListener("change", remember);
  form.addEventListener("input", remember);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("gs-save").addEventListener("click", save);
  document.getElementById("gs-clear").addEventListener("click", clearAll);
  for (const button of document.querySelectorAll("button[data-language]")) {
    button.addEventListener("click", () => chooseLanguage(button));
  }
})();
