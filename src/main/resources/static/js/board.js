// Drag and drop on the pipeline board. The Move menu on every card does the same without a mouse.
(() => {
  let dragged = null;
  document.addEventListener('dragstart', (event) => {
    const card = event.target.closest && event.target.closest('.deal-card');
    if (!card) return;
    dragged = card;
    card.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.dataset.dealId);
  });
  document.addEventListener('dragend', () => {
    if (dragged) dragged.classList.remove('dragging');
    document.querySelectorAll('.column.drop-target').forEach((c) => c.classList.remove('drop-target'));
    dragged = null;
  });
  document.addEventListener('dragover', (event) => {
    const column = event.target.closest && event.target.closest('.column');
    if (!column || !dragged) return;
    event.preventDefault();
    document.querySelectorAll('.column.drop-target').forEach((c) => { if (c !== column) c.classList.remove('drop-target'); });
    column.classList.add('drop-target');
  });
  document.addEventListener('drop', (event) => {
    const column = event.target.closest && event.target.closest('.column');
    if (!column || !dragged) return;
    event.preventDefault();
    const card = dragged;
    if (card.closest('.column') === column) return;
    const board = column.closest('.board');
    htmx.ajax('POST', '/deals/' + card.dataset.dealId + '/move', {
      source: card,
      target: '#board',
      swap: 'outerHTML',
      values: { stageId: column.dataset.stageId, version: card.dataset.version, from: 'board', owner: board.dataset.owner || '' }
    });
  });
})();
