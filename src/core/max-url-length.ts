/**
 * The longest request target the mock reads; a List Runs URL with every parameter is far shorter. Longer
 * ones get a JSON 414 before any parsing. (Beyond Node's 16 KB header limit a request never reaches the
 * core; `handleClientErrors` answers those with a JSON 431.)
 */
export const MAX_URL_LENGTH = 8 * 1024;
