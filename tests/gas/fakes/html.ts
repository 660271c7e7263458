/**
 * HtmlService: HtmlOutput and HtmlTemplate. Templates support the three scriptlet kinds
 * (<? code ?>, <?= escaped ?>, <?!= raw ?>) and run inside the bundle's vm context, so template
 * code sees the same globals (and the same Date) as the bundle.
 */
import * as vm from 'vm';
import { gasError } from './errors';
import { SERVICE } from './record';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export class FakeHtmlOutput {
  readonly [SERVICE] = 'HtmlService';
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  sandboxMode: string | null = null;
  xFrameOptionsMode: string | null = null;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(private content = '') {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    return this.append(escapeHtml(String(addedContent)));
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = mode;
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = mode;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(_iconUrl: string): this {
    return this;
  }
}

/** Template source lives under a symbol so the `with` scope only sees assigned properties. */
const SOURCE = Symbol('template.source');

export class FakeHtmlTemplate {
  readonly [SERVICE] = 'HtmlService';
  private readonly [SOURCE]: string;

  constructor(
    source: string,
    private readonly compileIn: () => vm.Context,
  ) {
    this[SOURCE] = source;
    // Hide the compile hook from the template scope as well.
    Object.defineProperty(this, 'compileIn', { enumerable: false });
  }

  getRawContent(): string {
    return this[SOURCE];
  }
  getCode(): string {
    return compileTemplate(this[SOURCE]);
  }
  evaluate(): FakeHtmlOutput {
    const scope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(this))
      scope[key] = (this as unknown as Record<string, unknown>)[key];
    const render = vm.runInContext(this.getCode(), this.compileIn()) as (
      scope: Record<string, unknown>,
      escape: (text: string) => string,
    ) => string;
    return new FakeHtmlOutput(render(scope, escapeHtml));
  }
}

/** Turns template text into `function (scope, escape) { ... return html; }` source. */
function compileTemplate(source: string): string {
  let body = '';
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    body += `__out.push(${JSON.stringify(source.slice(last, match.index))});\n`;
    const code = match[2] ?? '';
    if (match[1] === '=') body += `__out.push(__escape(String(${code})));\n`;
    else if (match[1] === '!=') body += `__out.push(String(${code}));\n`;
    else body += `${code}\n`;
    last = pattern.lastIndex;
  }
  body += `__out.push(${JSON.stringify(source.slice(last))});\n`;
  return (
    '(function (__scope, __escape) { var __out = [];\n' +
    'var output = { append: function (s) { __out.push(String(s)); return output; },\n' +
    '  appendUntrusted: function (s) { __out.push(__escape(String(s))); return output; } };\n' +
    `with (__scope) {\n${body}}\nreturn __out.join(''); })`
  );
}

export class FakeHtmlService {
  readonly [SERVICE] = 'HtmlService';
  readonly SandboxMode = Object.freeze({
    EMULATED: 'EMULATED',
    IFRAME: 'IFRAME',
    NATIVE: 'NATIVE',
  });
  readonly XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

  /**
   * @param files project HTML files by name (without .html), for the *FromFile methods.
   * @param context the vm context templates are evaluated in.
   */
  constructor(
    readonly files: Record<string, string>,
    private readonly context: () => vm.Context,
  ) {}

  private file(filename: string): string {
    const content = this.files[filename.replace(/\.html$/, '')];
    if (content === undefined) throw gasError(`No HTML file named ${filename} was found.`);
    return content;
  }

  createHtmlOutput(html?: unknown): FakeHtmlOutput {
    if (html instanceof FakeHtmlTemplate) return html.evaluate();
    return new FakeHtmlOutput(html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.file(filename));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(String(html), this.context);
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.file(filename), this.context);
  }
}
