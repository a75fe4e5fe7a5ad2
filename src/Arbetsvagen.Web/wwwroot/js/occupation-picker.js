// Yrkesväljaren: turns each occupation text field (input[data-occupation-search], drawn by _OccupationPicker) into a
// WAI-ARIA combobox with a listbox of suggestions that the server finds while one types (GET /Occupations/Search?q=).
// Keys: arrow down/up move through the suggestions (arrow down opens the list), Enter takes the highlighted one,
// Escape closes the list. Without JavaScript the field is a plain text field that the server resolves on save.
(function () {
    'use strict';
    var fields = document.querySelectorAll('input[data-occupation-search]');
    for (var i = 0; i < fields.length; i++) {
        enhance(fields[i]);
    }

    function enhance(input) {
        var listId = input.id + '-listbox';
        var list = document.createElement('ul');
        list.id = listId;
        list.className = 'occupation-listbox';
        list.setAttribute('role', 'listbox');
        list.setAttribute('aria-label', 'Yrkesförslag');
        list.hidden = true;
        var status = document.createElement('span');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        input.insertAdjacentElement('afterend', list);
        list.insertAdjacentElement('afterend', status);

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', listId);

        var options = [];
        var active = -1;
        var timer = null;
        var request = 0;
        var lastQuery = null;

        function open() {
            if (options.length > 0) {
                list.hidden = false;
                input.setAttribute('aria-expanded', 'true');
            }
        }

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            highlight(-1);
        }

        function highlight(index) {
            if (active >= 0 && options[active]) {
                options[active].setAttribute('aria-selected', 'false');
            }
            active = index;
            if (index >= 0 && options[index]) {
                options[index].setAttribute('aria-selected', 'true');
                input.setAttribute('aria-activedescendant', options[index].id);
                options[index].scrollIntoView({ block: 'nearest' });
            } else {
                input.removeAttribute('aria-activedescendant');
            }
        }

        function choose(index) {
            input.value = options[index].textContent;
            close();
            // Arrow down after a choice asks again for what the field now says.
            options = [];
            list.textContent = '';
            lastQuery = null;
            status.textContent = input.value + ' vald.';
        }

        function show(matches) {
            list.textContent = '';
            options = matches.map(function (match, k) {
                var option = document.createElement('li');
                option.id = listId + '-' + k;
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                option.textContent = match.name;
                // mousedown, not click: the field keeps its focus, so the list does not close first.
                option.addEventListener('mousedown', function (event) {
                    event.preventDefault();
                    choose(k);
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            input.removeAttribute('aria-activedescendant');
            if (options.length === 0) {
                close();
                status.textContent = 'Inga yrken matchar.';
            } else {
                open();
                status.textContent = options.length === 1
                    ? '1 förslag. Välj med pil ned och Enter.'
                    : options.length + ' förslag. Välj med pil ned och Enter.';
            }
        }

        function search() {
            var query = input.value.trim();
            if (query === lastQuery) {
                open();
                return;
            }
            lastQuery = query;
            if (query.length === 0) {
                show([]);
                status.textContent = '';
                return;
            }
            var mine = ++request;
            fetch(input.getAttribute('data-occupation-search') + '?q=' + encodeURIComponent(query),
                { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                .then(function (response) {
                    // A lapsed sign-in answers with the login page: no suggestions then, the form still works.
                    var json = response.ok && (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
                    return json ? response.json() : [];
                })
                .then(function (matches) {
                    if (mine === request && document.activeElement === input) {
                        show(matches);
                    }
                })
                .catch(function () { /* offline: the field stays a text field */ });
        }

        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(search, 150);
        });

        input.addEventListener('keydown', function (event) {
            if (event.altKey && event.key === 'ArrowDown') {
                event.preventDefault();
                open();
                return;
            }
            switch (event.key) {
                case 'ArrowDown':
                    event.preventDefault();
                    if (list.hidden) {
                        open();
                        if (options.length === 0) {
                            lastQuery = null;
                            search();
                        }
                    } else {
                        highlight(active + 1 < options.length ? active + 1 : 0);
                    }
                    break;
                case 'ArrowUp':
                    if (!list.hidden) {
                        event.preventDefault();
                        highlight(active > 0 ? active - 1 : options.length - 1);
                    }
                    break;
                case 'Enter':
                    // Only when a suggestion is highlighted; otherwise Enter submits the form as usual.
                    if (!list.hidden && active >= 0) {
                        event.preventDefault();
                        choose(active);
                    }
                    break;
                case 'Escape':
                    // A search still waiting or on its way must not reopen the list the person just closed.
                    clearTimeout(timer);
                    request++;
                    if (!list.hidden) {
                        event.preventDefault();
                        close();
                    }
                    break;
                default:
                    break;
            }
        });

        input.addEventListener('blur', close);
    }
}());
