/** Longest id accepted (market, position, asset ids): ids are echoed by error messages, so they are bounded. */
export const MAX_ID_LENGTH = 200;
