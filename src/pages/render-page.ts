import type { TemplateEngine } from './engine.ts';
import type { PageJob } from './output.ts';

/** Render a template output to HTML; an article's body is given to the template as `body`. */
export function renderPage(engine: TemplateEngine, output: Pick<PageJob, 'template' | 'context'>, body?: string): string {
  return engine.render(output.template, body === undefined ? output.context : { ...output.context, body });
}
