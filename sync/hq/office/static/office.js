// Asks before forms marked data-confirm are sent (revoke, block, lock, publish).
document.addEventListener("submit", function (ev) {
  var form = ev.target;
  var button = ev.submitter;
  var question = (button && button.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) {
    ev.preventDefault();
  }
});
