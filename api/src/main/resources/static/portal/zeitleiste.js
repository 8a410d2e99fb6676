// The time slider of a history (progressive enhancement): the chosen event is written next to
// the slider while it moves, and the form is sent once a pointer lets it go. Moving it with the
// keyboard sends nothing by itself (WCAG 3.2.2: no change of context on input): the button does,
// as it does without this script.
(function () {
  'use strict';
  document.querySelectorAll('form[data-zeitleiste]').forEach(function (form) {
    var slider = form.querySelector('input[type="range"]');
    var output = form.querySelector('output');
    if (!slider) {
      return;
    }
    var pattern = slider.getAttribute('data-value-text');
    slider.addEventListener('input', function () {
      var text = pattern ? pattern.replace('{0}', slider.value) : slider.value;
      slider.setAttribute('aria-valuetext', text);
      if (output) {
        output.textContent = text;
      }
    });
    var byPointer = false;
    slider.addEventListener('pointerdown', function () {
      byPointer = true;
    });
    slider.addEventListener('keydown', function () {
      byPointer = false;
    });
    slider.addEventListener('change', function () {
      if (byPointer) {
        form.submit();
      }
    });
  });
})();
