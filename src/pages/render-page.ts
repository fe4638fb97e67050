import type { TemplateEngine } from './engine.ts';
import { pictureBody, type Picture } from './images/index.ts';
import type { PageJob } from './output.ts';

/**
 * Render a template output to HTML; an article's body is given to the template as `body`, its own
 * images made responsive with the `pictures` of the context.
 */
export function renderPage(engine: TemplateEngine, output: Pick<PageJob, 'template' | 'context'>, body?: string): string {
  if (body === undefined) return engine.render(output.template, output.context);
  const pictures = output.context.pictures as Record<string, Picture> | undefined;
  return engine.render(output.template, { ...output.context, body: pictures ? pictureBody(body, pictures) : body });
}
