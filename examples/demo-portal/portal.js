// The portal's own behaviour (what a real EHR page does without Charge Guard): add and remove
// lines, keep the total, save a draft, and submit without leaving the page.
(() => {
  var form = document.getElementById('charge-entry');
  var body = document.getElementById('line-body');
  var status = document.getElementById('status');

  function renumber() {
    Array.prototype.forEach.call(body.rows, (row, i) => {
      var n = i + 1;
      row.cells[0].textContent = String(n);
      row.querySelectorAll('input').forEach((input) => {
        input.name = input.name.replace(/_\d+$/, `_${n}`);
      });
      row.querySelector('.remove').setAttribute('aria-label', `Remove line ${n}`);
    });
  }
  function total() {
    var sum = 0;
    form.querySelectorAll('input[name^="line_charge_"]').forEach((el) => {
      sum += parseFloat(el.value) || 0;
    });
    document.getElementById('total').textContent = `$${sum.toFixed(2)}`;
  }
  document.getElementById('add-line').addEventListener('click', () => {
    var row = body.rows[body.rows.length - 1].cloneNode(true);
    row.querySelectorAll('input').forEach((input) => {
      input.value = '';
    });
    body.appendChild(row);
    renumber();
    row.querySelector('input').focus();
  });
  body.addEventListener('click', (e) => {
    var button = e.target.closest('.remove');
    if (!button || body.rows.length === 1) return;
    button.closest('tr').remove();
    renumber();
    total();
  });
  form.addEventListener('input', (e) => {
    if (/^line_charge_/.test(e.target.name)) total();
    status.textContent = '';
  });
  document.getElementById('save-draft').addEventListener('click', () => {
    status.textContent = 'Draft saved';
  });
  document.getElementById('patient-search').addEventListener('submit', (e) => {
    e.preventDefault();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    var lines = body.rows.length;
    status.textContent =
      'Submitted ' +
      lines +
      ' line' +
      (lines === 1 ? '' : 's') +
      ' to the clearinghouse (demo: nothing was sent)';
  });
})();
