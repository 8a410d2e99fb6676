// The read models' rebuild progress, followed live (progressive enhancement): every second the
// read model's progress is read from GET /portal/pruefung/lesemodelle/{name}/stand (the API's answer) and written into its
// <progress> bar and its text, until the rebuild is done (or failed, or stopped). Without this
// script the page shows the progress as loaded, with a link to load it again. The text is a live
// region: it is rewritten only when the status changes or the share moved by a tenth, so that a
// screen reader is not made to read every second.
(function () {
  'use strict';
  var ACTIVE = ['RUNNING', 'SWITCHING'];

  function text(box, done, total, percent, status) {
    var name = box.getAttribute('data-status-' + status.toLowerCase()) || status;
    return box.getAttribute('data-text')
      .replace('{done}', String(done))
      .replace('{total}', String(total))
      .replace('{percent}', String(percent))
      .replace('{status}', name);
  }

  function follow(box) {
    var bar = box.querySelector('progress');
    var line = box.querySelector('.audit-progress-text');
    if (!bar || !line) {
      return;
    }
    var lastStatus = null;
    var lastTenth = -1;
    function poll() {
      fetch(box.getAttribute('data-fortschritt'), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
        .then(function (answer) {
          if (!answer.ok) {
            throw new Error('HTTP ' + answer.status);
          }
          return answer.json();
        })
        .then(function (model) {
          var standing = document.getElementById(box.getAttribute('data-zustand'));
          var standingText = box.getAttribute('data-standing-' + String(model.status).toLowerCase());
          if (standing && standingText) {
            standing.textContent = standingText;
          }
          var rebuild = model.rebuild;
          if (!rebuild) {
            return;
          }
          var done = rebuild.eventsDone;
          var total = Math.max(rebuild.eventsTotal, done);
          var finished = rebuild.status === 'DONE';
          var percent = finished ? 100 : total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 0;
          bar.max = total > 0 ? total : 1;
          bar.value = total > 0 ? done : finished ? 1 : 0;
          bar.textContent = percent + ' %';
          var tenth = Math.floor(percent / 10);
          if (rebuild.status !== lastStatus || tenth !== lastTenth) {
            line.textContent = text(box, done, total, percent, rebuild.status);
            lastStatus = rebuild.status;
            lastTenth = tenth;
          }
          if (ACTIVE.indexOf(rebuild.status) >= 0) {
            window.setTimeout(poll, 1000);
          } else {
            box.setAttribute('data-aktiv', 'false');
          }
        })
        .catch(function () {
          // the page keeps what it showed; its link loads the progress again
        });
    }
    poll();
  }

  document.querySelectorAll('[data-fortschritt][data-aktiv="true"]').forEach(follow);
})();
