import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../support/catalogues';

/**
 * No words a person reads are written in the screens' code: they come from the catalogues
 * (contract version 2, "Languages"). This reads every module of client/ and reports:
 * - text between JSX tags with a letter in it;
 * - a string with a letter given to an attribute a person reads or hears (`aria-label`, `title`,
 *   `placeholder`, `alt`...), or put in JSX as `{'…'}` (also through `?:`, `&&`, `??`);
 * - anywhere else, a string that reads as words: two words or more, or one capitalised word
 *   (`'Pause'`), unless it is a message id (`'tablet.ask'`), a class list, a key name or a
 *   technical token (see ALLOWED), in `console.*`, an import, an `Error` a developer reads, or a
 *   comparison with `event.key`.
 * A line may be exempted by a comment `i18n-ignore: <why>` on it or just above it.
 * `I18N_SCAN=client/delegate` limits the scan to a folder (for work in progress).
 */
const CLIENT = join(import.meta.dirname, '../../../client');
const SCOPE = process.env.I18N_SCAN
  ? join(import.meta.dirname, '../../..', process.env.I18N_SCAN)
  : CLIENT;

/** Attributes whose value a person reads or a screen reader says. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Tokens that are not words to translate: key names, protocol words, the product's name. */
const ALLOWED = new Set([
  'Rostrum',
  'Escape',
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Bearer',
  'Content-Type',
  'Authorization',
  'UTC',
  'CSV',
  'OSC',
]);

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

const ids = new Set(Object.values(readAll().en).flatMap((catalogue) => [...catalogue.keys()]));
const isMessageId = (s: string) => ids.has(s) || /^[a-z]+(\.[a-z0-9-]+)+$/.test(s);
const isClassList = (s: string) => /^[a-z0-9_-]+( [a-z0-9_-]+)*$/.test(s) && /-/.test(s);
const hasLetter = (s: string) => /\p{L}/u.test(s);
const readsAsWords = (s: string) => {
  const t = s.trim();
  if (!hasLetter(t) || ALLOWED.has(t) || isMessageId(t) || isClassList(t)) return false;
  if (/^[\w.-]+$/.test(t) && !/^\p{Lu}\p{Ll}+$/u.test(t)) return false; // a token: `display`, `nav.item`
  if (/^[\w-]*[/.#@?&=:%][/.#@?&=:%\w-]*$/.test(t)) return false; // a path, a query, a selector
  return /\p{L}{2,}[\s,;:!?]+\p{L}/u.test(t) || /^\p{Lu}\p{Ll}+$/u.test(t);
};

interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

type Node = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

const scan = (file: string): Finding[] => scanSource(file, readFileSync(file, 'utf8'));

const scanSource = (file: string, source: string): Finding[] => {
  const lines = source.split('\n');
  const ignored = (line: number) =>
    [lines[line - 1], lines[line - 2]].some((l) => l?.includes('i18n-ignore:'));
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] });
  const found: Finding[] = [];
  const reported = new Set<Node>();
  const report = (node: Node, text: string, why: string) => {
    const line = node.loc?.start.line ?? 0;
    if (ignored(line) || reported.has(node)) return;
    reported.add(node);
    found.push({ file: relative(CLIENT, file), line, text: text.trim(), why });
  };
  /** The strings an expression shows: itself, or its branches. */
  const shown = (node: Node, why: string) => {
    if (
      node.type === 'StringLiteral' &&
      hasLetter(String(node.value)) &&
      !isMessageId(String(node.value))
    )
      report(node, String(node.value), why);
    else if (node.type === 'TemplateLiteral') {
      const quasis = node.quasis as { value: { cooked: string } }[];
      const text = quasis.map((q) => q.value.cooked).join('…');
      if (hasLetter(text)) report(node, text, why);
    } else if (node.type === 'ConditionalExpression') {
      shown(node.consequent as Node, why);
      shown(node.alternate as Node, why);
    } else if (node.type === 'LogicalExpression') shown(node.right as Node, why);
  };

  const visit = (node: Node, parent: Node | null, skip: boolean) => {
    let skipHere = skip;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'TSLiteralType':
      case 'TSImportType':
        return;
      case 'CallExpression': {
        const callee = node.callee as Node;
        const name =
          callee.type === 'MemberExpression' && isNode(callee.object)
            ? `${(callee.object as Node).name ?? ''}.${((callee.property as Node).name as string) ?? ''}`
            : String(callee.name ?? '');
        if (name.startsWith('console.') || name === 'import') skipHere = true;
        break;
      }
      case 'NewExpression':
        if (/Error$/.test(String((node.callee as Node).name ?? ''))) skipHere = true;
        break;
      case 'BinaryExpression': {
        const sides = [node.left, node.right] as Node[];
        if (sides.some((s) => s.type === 'MemberExpression' && (s.property as Node).name === 'key'))
          skipHere = true;
        break;
      }
      case 'JSXText':
        if (!skip && hasLetter(String(node.value)) && !ALLOWED.has(String(node.value).trim()))
          report(node, String(node.value), 'text in JSX');
        return;
      case 'JSXAttribute': {
        const attr = String((node.name as Node).name ?? '');
        const value = node.value as Node | null;
        if (
          attr === 'className' ||
          attr === 'class' ||
          attr === 'key' ||
          attr === 'id' ||
          attr.startsWith('data-')
        )
          return;
        if (value && SPOKEN_ATTRIBUTES.has(attr)) {
          if (value.type === 'StringLiteral') shown(value, `the ${attr} attribute`);
          else if (value.type === 'JSXExpressionContainer')
            shown(value.expression as Node, `the ${attr} attribute`);
        }
        if (value?.type === 'StringLiteral') return;
        break;
      }
      case 'JSXExpressionContainer':
        if (!skip && parent?.type !== 'JSXAttribute')
          shown(node.expression as Node, 'a string shown in JSX');
        break;
      case 'StringLiteral':
        if (!skip && readsAsWords(String(node.value)) && parent?.type !== 'JSXExpressionContainer')
          report(node, String(node.value), 'words in code');
        return;
      case 'TemplateLiteral': {
        if (skip) break;
        const quasis = node.quasis as { value: { cooked: string } }[];
        const text = quasis.map((q) => q.value.cooked).join('');
        if (readsAsWords(text) && parent?.type !== 'JSXExpressionContainer')
          report(node, text, 'words in code');
        break;
      }
      default:
        break;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      // An object's keys are names, not words: `{ 'point-of-order': … }`.
      if (key === 'key' && node.type === 'ObjectProperty') continue;
      if (Array.isArray(child)) for (const c of child) if (isNode(c)) visit(c, node, skipHere);
      if (isNode(child)) visit(child, node, skipHere);
    }
  };
  visit(ast.program as unknown as Node, null, false);
  return found;
};

/** A module that breaks each rule once, and keeps each exception once. */
const SAMPLE = `
import { thing } from './Some words';
const LABELS = { 'point-of-order': 'Point of order' };
const key = 'tablet.ask';
const classes = 'button-primary button-wide';
export const Sample = ({ busy, t }: { busy: boolean; t: (id: string) => string }) => {
  console.log('Some words for a developer');
  if (busy) throw new Error('Nobody reads this in the room');
  const onKey = (e: KeyboardEvent) => e.key === 'Escape';
  return (
    <div className={classes} data-kind="some words">
      Ask for the floor
      <button aria-label="Close the list" title={busy ? 'Wait' : t(key)}>{busy ? 'Sending' : t('tablet.ask')}</button>
      {busy && 'Please wait'}
      {/* i18n-ignore: a sample */}
      <span>Rostrum</span>
      <p>{\`Pause\`}</p>
      {t(LABELS['point-of-order'])}
      {onKey && 'Done'}
    </div>
  );
};
const status = 'Running';
`;

describe('the screens hold no words outside the catalogues', () => {
  it('finds none in client/', () => {
    const findings = files(SCOPE).flatMap(scan);
    const listed = findings.map((f) => `${f.file}:${f.line} ${f.why}: ${JSON.stringify(f.text)}`);
    expect([...new Set(listed)]).toEqual([]);
  });

  it('would find them: a sample of each kind is caught', () => {
    // The scan itself, on a module written to break every rule once.
    const findings = scanSource(join(CLIENT, 'sample.tsx'), SAMPLE);
    expect(findings.map((f) => f.why).sort()).toEqual(
      [
        'a string shown in JSX',
        'a string shown in JSX',
        'a string shown in JSX',
        'a string shown in JSX',
        'text in JSX',
        'the aria-label attribute',
        'the title attribute',
        'words in code',
        'words in code',
      ].sort(),
    );
  });
});
