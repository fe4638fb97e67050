import { escapeXmlAttribute, escapeXmlText } from '../pages/index.ts';

/** The first line of every XML file bayegan writes. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

function attributeText(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
}

/** `<name a="…">text</name>`, the text and attribute values escaped for XML; `<name a="…"/>` when `text` is undefined. */
export function element(name: string, text: string | undefined, attributes: Record<string, string | undefined> = {}): string {
  const open = `${name}${attributeText(attributes)}`;
  return text === undefined ? `<${open}/>` : `<${open}>${escapeXmlText(text)}</${name}>`;
}

/** `<name a="…">` + already-escaped children + `</name>`, one child per line. */
export function parent(name: string, children: readonly string[], attributes: Record<string, string | undefined> = {}): string {
  return `<${name}${attributeText(attributes)}>\n${children.map((c) => `${c}\n`).join('')}</${name}>`;
}
