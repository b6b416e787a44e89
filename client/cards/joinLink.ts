/** `5XS9T-M06R3`: a code in two halves, easier to read out and type (the hyphen is ignored). */
export const spacedCode = (code: string): string =>
  code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;

/** The link a card's QR code holds: the join page, with the delegation's code. */
export const joinLink = (origin: string, meetingId: string, code: string): string =>
  `${origin}/m/${encodeURIComponent(meetingId)}/join?code=${encodeURIComponent(code)}`;
