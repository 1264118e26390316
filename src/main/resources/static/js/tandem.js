// Small progressive enhancements; every page works without this file.
document.addEventListener('click', (event) => {
  const secret = event.target.closest('code.secret');
  if (secret && navigator.clipboard) {
    navigator.clipboard.writeText(secret.textContent.trim());
    secret.classList.add('copied');
    setTimeout(() => secret.classList.remove('copied'), 1500);
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

// A choice marked data-autosubmit sends its form at once (without scripts, a noscript button does).
document.addEventListener('change', (event) => {
  if (event.target.matches && event.target.matches('[data-autosubmit]') && event.target.form) {
    event.target.form.requestSubmit();
  }
});
