import { MIN_PASSWORD_LENGTH } from '../password';
import { RESET_PASSWORD_SCRIPT } from './reset-password-script';

export { RESET_PASSWORD_MUTATION } from './reset-password-mutation';

/** A file the page loads from /reset-password/assets/. */
export interface ResetPageAsset {
  type: string;
  body: Buffer;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;line-height:1.4}
header{padding:12px 20px;background:#1d3557;color:#fff;font-weight:bold}
main{max-width:36rem;padding:20px}
h1{font-size:1.75rem;margin:0 0 16px}
.field{margin:0 0 20px}
label{display:block;font-weight:bold}
.hint{margin:2px 0 6px;color:#505a5f}
input{font-size:1.1rem;padding:6px;border:2px solid #0b0c0c;width:100%}
button{font-size:1rem;padding:8px 16px;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;cursor:pointer}
button:disabled{background:#6f777b;cursor:default}
:focus-visible{outline:3px solid #fd0;outline-offset:0;box-shadow:0 -2px #fd0,0 4px #0b0c0c}
.status{min-height:1.5em;font-weight:bold;margin:16px 0}
.status.error{color:#d4351c}
.status.success{color:#00703c}
`;

/**
 * The page itself, the same for everyone (the token is read by the script, never put in the
 * HTML). Without JavaScript the button stays disabled, so the form cannot be sent another way.
 */
export const RESET_PASSWORD_HTML = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>Choose a new password – Resettle Match</title>
<link rel="stylesheet" href="/reset-password/assets/reset-password.css">
</head>
<body>
<header>Resettle Match</header>
<main>
<h1>Choose a new password</h1>
<noscript><p class="status error">This page needs JavaScript to change your password.</p></noscript>
<form id="reset-form" method="post" novalidate>
  <div class="field">
    <label for="new-password">New password</label>
    <p class="hint" id="password-rules">Use at least ${MIN_PASSWORD_LENGTH} characters (at most 200). A few unrelated words work well. It must not be easy to guess (such as "password" or "123456") and must not contain your email address.</p>
    <input id="new-password" type="password" name="newPassword" autocomplete="new-password" aria-describedby="password-rules" required minlength="${MIN_PASSWORD_LENGTH}" maxlength="200">
  </div>
  <div class="field">
    <label for="confirm-password">Type the new password again</label>
    <input id="confirm-password" type="password" name="confirmPassword" autocomplete="new-password" required maxlength="200">
  </div>
  <button type="submit" id="submit" disabled>Change password</button>
</form>
<p class="status" id="status" role="status" aria-live="polite"></p>
</main>
<script src="/reset-password/assets/reset-password.js"></script>
</body>
</html>`;

/** Nothing but this origin's own script, styles and GraphQL endpoint; not framed, no inline code. */
export const RESET_PASSWORD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The page's script and styles, from memory (a fixed list: no file paths from the URL). */
export const RESET_PASSWORD_ASSETS = new Map<string, ResetPageAsset>([
  [
    'reset-password.js',
    { type: 'text/javascript; charset=utf-8', body: Buffer.from(RESET_PASSWORD_SCRIPT) },
  ],
  ['reset-password.css', { type: 'text/css; charset=utf-8', body: Buffer.from(STYLE) }],
]);
