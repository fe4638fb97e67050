import { SaxesParser } from 'saxes';

/** An element of a parsed XML file: qualified name, namespace, attributes and content. */
export interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The text directly inside (references resolved once, as every XML reader does). */
  text: string;
}

/**
 * Parse XML strictly (saxes: well-formedness, namespaces, characters XML 1.0 allows); throws
 * with the line and column of the first problem.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', uri: '', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const element: XmlElement = { name: tag.name, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => void (stack.at(-1)!.text += text));
  parser.on('cdata', (text) => void (stack.at(-1)!.text += text));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

/** `element` and every element below it, in document order. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

/** Every element below `element` (itself included) with a qualified name. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return allElements(element).filter((e) => e.name === name);
}
