// Small progressive enhancements; every page works without this file.
document.addEventListener('click', (event) => {
  const secret = event.target.closest('code.secret');
  if (secret && navigator.clipboard) {
    navigator.clipboard.writeText(secret.textContent.trim());
    secret.classList.add('copied');
    setTimeout(() => secret.classList.remove('copied'), 1500);
  }
});
