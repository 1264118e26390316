// Keyboard shortcuts for the daily moves, listed in the dialog that "?" opens. None fires while someone types in a
// field, or with Ctrl, Alt or Meta held (those belong to the browser). Every target is also a link or a field on the page.
(() => {
  const go = { p: '/pipeline', i: '/insight', m: '/my-day' };
  const direct = { l: '/log', n: '/deals/new' };
  let pending = null;

  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
    const help = document.getElementById('shortcuts-help');
    if (help && help.open) return;
    const key = event.key;
    if (pending) {
      const target = go[key];
      clearTimeout(pending);
      pending = null;
      if (target) { event.preventDefault(); window.location.assign(target); }
      return;
    }
    if (key === '/') {
      const search = document.getElementById('global-search');
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    } else if (key === '?') {
      if (help && help.showModal) { event.preventDefault(); help.showModal(); }
    } else if (key === 'g') {
      pending = setTimeout(() => { pending = null; }, 1500);
    } else if (direct[key]) {
      event.preventDefault();
      window.location.assign(direct[key]);
    }
  });

  // In the search box: Escape closes the menu, the down arrow moves into it; in the menu the arrows move between results.
  document.addEventListener('keydown', (event) => {
    const menu = document.getElementById('search-menu');
    if (!menu) return;
    const inBox = event.target && event.target.id === 'global-search';
    const inMenu = menu.contains(event.target);
    if (!inBox && !inMenu) return;
    const options = Array.from(menu.querySelectorAll('a'));
    if (event.key === 'Escape') {
      menu.replaceChildren();
      document.getElementById('global-search').blur();
    } else if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      const at = options.indexOf(document.activeElement);
      options[Math.min(at + 1, options.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && inMenu) {
      event.preventDefault();
      const at = options.indexOf(document.activeElement);
      if (at <= 0) document.getElementById('global-search').focus(); else options[at - 1].focus();
    }
  });

  // The menu closes when the focus leaves the search box and its menu.
  document.addEventListener('focusin', (event) => {
    const form = document.querySelector('.topbar-search');
    const menu = document.getElementById('search-menu');
    if (form && menu && !form.contains(event.target)) menu.replaceChildren();
  });
})();
