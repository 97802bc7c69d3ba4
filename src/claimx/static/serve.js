// Keyboard review: j/k move between claim cards, a/r/u submit, e opens the edit form.
(function () {
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card'));
  var at = Math.max(0, cards.findIndex(function (c) { return '#' + c.id === location.hash; }));
  function focus(i) {
    if (!cards.length) { return; }
    at = Math.min(cards.length - 1, Math.max(0, i));
    cards.forEach(function (c) { c.classList.remove('focused'); });
    cards[at].classList.add('focused');
    cards[at].scrollIntoView({block: 'nearest'});
  }
  function press(name) {
    var button = cards[at] && cards[at].querySelector('button[value=' + name + ']');
    if (button && !button.disabled) { button.click(); }
  }
  document.addEventListener('keydown', function (event) {
    var tag = event.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === 'j') { focus(at + 1); }
    else if (event.key === 'k') { focus(at - 1); }
    else if (event.key === 'a') { press('accept'); }
    else if (event.key === 'r') { press('reject'); }
    else if (event.key === 'u') { press('undo'); }
    else if (event.key === 'e') {
      var edit = cards[at] && cards[at].querySelector('details.edit');
      if (edit) { edit.open = true; var first = edit.querySelector('select, input'); if (first) { first.focus(); } }
    } else { return; }
    event.preventDefault();
  });
  cards.forEach(function (card, i) { card.addEventListener('focus', function () { focus(i); }); });
  if (cards.length) { focus(at); }
  // The reviewer's name goes with every decision form.
  var name = document.getElementById('reviewer-input');
  if (name) {
    name.addEventListener('input', function () {
      document.querySelectorAll('.reviewer-field').forEach(function (f) { f.value = name.value; });
    });
  }
})();
