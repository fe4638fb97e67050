/** Longest value shown in a message; a pasted paragraph or a binary line would drown the message. */
const MAX_SHOWN = 60;

/** A value as shown in a message: in backticks, on one line, cut to {@link MAX_SHOWN} characters with `…`. */
export function quote(value: unknown): string {
  const text = String(value).replace(/\r?\n|\r/g, '↵').replace(/\u0000/g, '␀');
  const chars = [...text];
  return `\`${chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : text}\``;
}
