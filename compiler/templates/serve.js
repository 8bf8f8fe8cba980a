// planc serve: the small improvements a script brings; every page works without it.
// - The preview follows each save: it asks the server for the next version (the server answers
//   when the plan changes) and replaces the problems panel and the document, keeping the scroll.
// - A repeatable row (a budget line, a deliverable) can be added without sending the form.
'use strict';

function followSaves(main) {
  const frame = document.getElementById('document');
  const panel = document.getElementById('problems');
  let version = Number(main.dataset.version);
  async function next() {
    try {
      const answer = await fetch(`${main.dataset.state}?after=${version}`, { cache: 'no-store' });
      if (!answer.ok) throw new Error(String(answer.status));
      const state = await answer.json();
      if (state.version !== version) {
        version = state.version;
        main.dataset.version = String(version);
        panel.innerHTML = state.panel;  // planc's own template, every plan value escaped
        panel.classList.toggle('has-errors', state.errors);
        reloadKeepingPlace(frame, version);
      }
      setTimeout(next, 0);
    } catch (problem) {
      setTimeout(next, 2000);  // the server is restarting or gone: try again shortly
    }
  }
  next();
}

function reloadKeepingPlace(frame, version) {
  const inside = frame.contentWindow;
  const place = inside ? { x: inside.scrollX, y: inside.scrollY } : { x: 0, y: 0 };
  frame.addEventListener('load', () => frame.contentWindow.scrollTo(place.x, place.y), { once: true });
  const address = new URL(frame.src, window.location.href);
  address.searchParams.set('v', String(version));
  frame.src = address.pathname + address.search;
}

function addRowButtons(form) {
  for (const template of form.querySelectorAll('.new-row[data-row]')) {
    const holder = template.parentElement;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'add-row';
    button.textContent = form.dataset.addLabel;
    button.addEventListener('click', () => {
      const rows = holder.querySelectorAll(':scope > [data-row]');
      const last = rows[rows.length - 1];
      const from = last.dataset.row;
      const to = String(Number(from) + 1);
      const copy = last.cloneNode(true);
      copy.dataset.row = to;
      for (const element of copy.querySelectorAll('[name], [id], [for], legend')) {
        for (const attribute of ['name', 'id', 'for']) {
          const value = element.getAttribute(attribute);
          if (value) element.setAttribute(attribute, value.replace(`.${from}.`, `.${to}.`).replace(`-${from}-`, `-${to}-`).replace(new RegExp(`[.-]${from}$`), (m) => m[0] + to));
        }
        if (element.matches('input:not([type=checkbox]), textarea')) element.value = '';
        if (element.matches('select')) element.selectedIndex = 0;
      }
      last.after(copy);
      copy.querySelector('input, textarea, select')?.focus();
    });
    holder.after(button);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const main = document.querySelector('main.preview');
  if (main) followSaves(main);
  const form = document.querySelector('form[data-add-label]');
  if (form) addRowButtons(form);
});
