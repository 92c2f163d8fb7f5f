// Where the sign-in with OpenID Connect is served: the controller serves it, appInfo offers its address.
export const OIDC_PATH = '/auth/oidc';
export const OIDC_LOGIN_PATH = `${OIDC_PATH}/login`;
