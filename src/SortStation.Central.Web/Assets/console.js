// SortStation console: the only script (no inline script anywhere; the pages work without it).
// 1. Live parts: elements with data-live-src are fetched again when the server says something changed
//    (Server-Sent Events on /api/events), at most once a second.
// 2. A <select data-autosubmit> submits its form when changed (the language switch).
(() => {
  'use strict';
  document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
    select.addEventListener('change', () => select.form.requestSubmit());
    const button = select.form.querySelector('button');
    if (button) button.hidden = true;
  });

  const live = Array.from(document.querySelectorAll('[data-live-src]'));
  if (live.length === 0 || !('EventSource' in window)) return;
  let pending = null;
  const refresh = async () => {
    pending = null;
    for (const element of live) {
      try {
        const response = await fetch(element.dataset.liveSrc, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
        if (response.redirected || !response.ok) continue; // signed out or an error: leave the page as it is
        element.innerHTML = await response.text();
        element.dataset.refreshed = String(Date.now());
      } catch {
        // Network gone: the next event tries again.
      }
    }
  };
  const schedule = () => { if (pending === null) pending = setTimeout(refresh, 1000); };
  const events = new EventSource('/api/events');
  events.addEventListener('weighings', schedule);
  events.addEventListener('station', schedule);
  events.addEventListener('open', () => document.body.dataset.live = 'connected');
  events.addEventListener('error', () => document.body.dataset.live = 'reconnecting');
})();
