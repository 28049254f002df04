/** The one call the reset page makes; it asks for nothing back (the new session's token is not used). */
export const RESET_PASSWORD_MUTATION =
  'mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) { __typename } }';
