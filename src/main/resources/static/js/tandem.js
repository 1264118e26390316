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
