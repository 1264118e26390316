// Small progressive enhancements; every page works without this file.
// With the script running, the header's menus open on a click instead of on focus (see tandem.css).
// A menu opened by focus before the script ran stays open.
document.querySelectorAll('.nav-more, .mainnav').forEach((menu) => {
  const toggle = menu.querySelector(':scope > .nav-more-toggle, :scope > .nav-toggle');
  if (toggle && toggle.offsetParent !== null && menu.matches(':focus-within')) {
    menu.classList.add('open');
    toggle.setAttribute('aria-expanded', 'true');
  }
});
document.documentElement.classList.add('js');

// A list that stacks its rows on a phone (table-stack) shows each value under its column's name: the page's lists at
// load, and after an htmx swap only those in (or around) what it swapped.
function labelStackedTables(root) {
  const around = root.closest ? root.closest('table.table-stack') : null;
  const tables = around ? [around] : root.querySelectorAll('table.table-stack');
  tables.forEach((table) => {
    const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    table.querySelectorAll('tbody tr').forEach((row) => [...row.children].forEach((cell, i) => {
      if (names[i] && cell.colSpan === 1 && !cell.classList.contains('pick') && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', names[i]);
      if (!cell.textContent.trim() && !cell.querySelector('input, select, button, img, svg')) cell.classList.add('stack-empty');
    }));
  });
}
document.addEventListener('DOMContentLoaded', () => labelStackedTables(document));
document.addEventListener('htmx:afterSettle', (event) => labelStackedTables(event.target));
document.addEventListener('click', (event) => {
  const secret = event.target.closest('code.secret');
  if (secret && navigator.clipboard) {
    navigator.clipboard.writeText(secret.textContent.trim());
    secret.classList.add('copied');
    setTimeout(() => secret.classList.remove('copied'), 1500);
  }
  // A copy button copies the secret shown next to it.
  const copy = event.target.closest('button[data-copy]');
  const shown = copy && copy.parentElement.querySelector('code.secret');
  if (shown && navigator.clipboard) {
    navigator.clipboard.writeText(shown.textContent.trim());
    copy.classList.add('copied');
    setTimeout(() => copy.classList.remove('copied'), 1500);
  }
});

// The dot next to a live page's title shows whether its live stream is open.
document.addEventListener('htmx:sseOpen', () => document.querySelectorAll('.live-dot').forEach(d => d.classList.add('on')));
document.addEventListener('htmx:sseError', () => document.querySelectorAll('.live-dot').forEach(d => d.classList.remove('on')));

// A live refresh waits while someone is busy in the part it would replace (a menu open, a field in focus, a card being
// dragged): an element lists what counts as busy in data-live-pause. Done here rather than in an hx-trigger filter,
// which htmx would have to evaluate as code, and the content security policy allows no such evaluation.
document.addEventListener('htmx:confirm', (event) => {
  const elt = event.detail.elt;
  const pause = elt.dataset && elt.dataset.livePause;
  if (pause && event.detail.triggerEvent && event.detail.triggerEvent.type === 'sse:changed' && elt.querySelector(pause)) {
    event.preventDefault();
  }
});

// A live refresh keeps the notice of what this person just did: the change they made is itself what triggers the
// refresh, which would otherwise wipe "Moved to Demo." a moment after it appeared. The part lists in data-live-keep
// what to keep; each kept element goes back into the record (data-deal-id) it was shown in, if that is still there.
let liveKept = null;
document.addEventListener('htmx:beforeSwap', (event) => {
  const target = event.detail.target;
  const trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
  const keep = target && target.dataset && target.dataset.liveKeep;
  if (!keep || !target.id || !trigger || trigger.type !== 'sse:changed') return;
  const kept = [];
  target.querySelectorAll(keep).forEach((node) => {
    const record = node.closest('[data-deal-id]');
    if (record) kept.push({ key: record.dataset.dealId, node: node });
  });
  liveKept = kept.length ? { id: target.id, kept: kept } : null;
});
document.addEventListener('htmx:afterSettle', () => {
  if (!liveKept) return;
  const part = document.getElementById(liveKept.id);
  if (part) {
    liveKept.kept.forEach(({ key, node }) => {
      const record = part.querySelector('[data-deal-id="' + CSS.escape(key) + '"]');
      if (record && !record.querySelector(part.dataset.liveKeep)) {
        record.insertBefore(node, record.querySelector(':scope > details'));
      }
    });
  }
  liveKept = null;
});

// A choice marked data-autosubmit sends its form at once (without scripts, a noscript button does).
document.addEventListener('change', (event) => {
  if (event.target.matches && event.target.matches('[data-autosubmit]') && event.target.form) {
    event.target.form.requestSubmit();
  }
});

// The header's menus: Menu opens every page on a phone, More the rest of them on a wider screen; a click elsewhere or
// Escape closes More.
document.addEventListener('click', (event) => {
  const toggle = event.target.closest('.nav-toggle, .nav-more-toggle');
  document.querySelectorAll('.nav-more.open').forEach((more) => {
    if (!more.contains(event.target)) {
      more.classList.remove('open');
      more.querySelector('.nav-more-toggle').setAttribute('aria-expanded', 'false');
    }
  });
  if (!toggle) return;
  const box = toggle.classList.contains('nav-toggle') ? toggle.closest('.mainnav') : toggle.closest('.nav-more');
  const open = box.classList.toggle('open');
  toggle.setAttribute('aria-expanded', String(open));
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  document.querySelectorAll('.nav-more.open').forEach((more) => {
    more.classList.remove('open');
    more.querySelector('.nav-more-toggle').setAttribute('aria-expanded', 'false');
  });
});
