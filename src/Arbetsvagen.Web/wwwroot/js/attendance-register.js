// Närvarolistan: one keystroke per person. With focus anywhere in a row, N/S/G/O/K picks the matching choice
// (the radios carry data-key) and moves focus to the next row, or to "Spara närvaro" after the last one.
// Without JavaScript the page is a plain form with radios.
(function () {
    'use strict';
    var table = document.querySelector('table[data-register]');
    if (!table) {
        return;
    }

    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var status = document.getElementById('register-status');
    var hint = document.getElementById('register-keys');
    if (hint) {
        hint.hidden = false;
    }

    table.addEventListener('keydown', function (event) {
        if (event.ctrlKey || event.altKey || event.metaKey || !event.key || event.key.length !== 1) {
            return;
        }

        var row = event.target.closest('tr');
        var radio = row && row.querySelector('input[type=radio][data-key="' + event.key.toUpperCase() + '"]');
        if (!radio) {
            return;
        }

        event.preventDefault();
        radio.checked = true;
        radio.dispatchEvent(new Event('change', { bubbles: true }));
        if (status) {
            var label = row.querySelector('label[for="' + radio.id + '"]');
            status.textContent = row.getAttribute('data-name') + ': ' + (label ? label.textContent : '');
        }

        var next = rows[rows.indexOf(row) + 1];
        var target = next
            ? next.querySelector('input[type=radio]:checked') || next.querySelector('input[type=radio]')
            : document.getElementById('save-attendance');
        if (target) {
            target.focus();
        }
    });
}());
