// Keeps an import's status card current: fetches the same page every two seconds and swaps the card until the import
// is done. Without JavaScript the card's own link does the same by hand.
(function () {
  'use strict';
  function poll() {
    fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('import-status');
        var card = document.getElementById('import-status');
        if (!fresh || !card) { return; }
        if (fresh.getAttribute('data-running') !== 'true') { window.location.reload(); return; }
        card.querySelector('progress').value = fresh.querySelector('progress').value;
        card.querySelector('p').replaceWith(fresh.querySelector('p'));
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
