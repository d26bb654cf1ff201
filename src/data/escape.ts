/**
 * Text from a content file quoted in a build message: invisible and control
 * characters are shown as escapes (`U+200B`, `\x1b`), so a message never hides
 * the problem it reports, nor sends raw terminal escapes to the console.
 */

// C0/C1 controls except TAB and line ends, DEL, and the invisible format characters (Cf: U+200B, U+FEFF, bidi marks…).
const HIDDEN = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

export function escapeForMessage(text: string): string {
  return text.replace(HIDDEN, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0x9f ? `\\x${code.toString(16).padStart(2, '0')}` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
