import { RESET_PASSWORD_MUTATION } from './reset-password-mutation';

/**
 * The reset page's script, served as /reset-password/assets/reset-password.js (no inline script,
 * so a strict CSP holds). It takes the token from the query string and out of the address bar at
 * once (so it is not left in the history, on screen or in a bookmark), then on submit POSTs the
 * resetPassword mutation to /graphql as JSON (the content-type Apollo's CSRF protection requires)
 * without cookies or a referrer. The answer's token is not kept: the person signs in afresh.
 * Everything shown is set with textContent.
 */
export const RESET_PASSWORD_SCRIPT = String.raw`(function () {
  'use strict';
  var MUTATION = ${JSON.stringify(RESET_PASSWORD_MUTATION)};
  var form = document.getElementById('reset-form');
  var password = document.getElementById('new-password');
  var confirmation = document.getElementById('confirm-password');
  var button = document.getElementById('submit');
  var status = document.getElementById('status');

  var token = new URLSearchParams(window.location.search).get('token');
  if (window.location.search || window.location.hash) {
    window.history.replaceState(null, '', window.location.pathname);
  }

  function say(text, kind) {
    status.textContent = text;
    status.className = 'status' + (kind ? ' ' + kind : '');
  }
  function sentence(text) {
    return /[.!?]$/.test(text) ? text : text + '.';
  }
  function problem(result) {
    var error = result && result.errors && result.errors[0];
    if (!error) return 'Your password could not be changed. Try again.';
    var fields = error.extensions && error.extensions.fields;
    if (fields && fields.length) {
      return fields.map(function (field) {
        return field.field === 'newPassword'
          ? sentence('Your new password ' + field.message)
          : sentence(field.message);
      }).join(' ');
    }
    return sentence(error.message);
  }

  if (!token) {
    say('This link is incomplete: open the link in the email again, or ask for a new one.', 'error');
  } else {
    button.disabled = false;
  }

  var busy = false;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy || !token) return;
    if (!password.value) {
      say('Enter a new password.', 'error');
      password.focus();
      return;
    }
    if (password.value !== confirmation.value) {
      say('The two passwords do not match.', 'error');
      confirmation.focus();
      return;
    }
    busy = true;
    button.disabled = true;
    say('Changing your password…');
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      body: JSON.stringify({
        query: MUTATION,
        variables: { token: token, newPassword: password.value },
      }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(
        function (result) {
          if (result && result.data && result.data.resetPassword) {
            token = null;
            password.value = '';
            confirmation.value = '';
            form.hidden = true;
            say('Your password has been changed; sign in with it.', 'success');
            return;
          }
          say(problem(result), 'error');
        },
        function () {
          say('Your password could not be changed: the service did not answer. Try again.', 'error');
        },
      )
      .then(function () {
        busy = false;
        if (token) button.disabled = false;
      });
  });
  document.body.setAttribute('data-ready', 'true');
})();
`;
