/**
 * fast-check arbitraries generated from the contract's zod schemas (through `z.toJSONSchema`, the
 * input side): values that fit a method's argument schema, values one change away from fitting
 * (a field replaced by any JSON value, a required field dropped, an unknown field added), and any
 * JSON at all. Strings are drawn from the whole of Unicode (control characters and lone
 * surrogates included) or, some of the time, from a dictionary of ids that exist in the project,
 * so that calls reach past the argument check into the handlers.
 */
import fc from 'fast-check';
import { z } from 'zod';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface JsonSchema {
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

export interface ArbitraryOptions {
  /** Strings that mean something in the project under test (ids, industries, paths). */
  dictionary: readonly string[];
  /** Longest generated array and string (keeps calls cheap). */
  maxItems?: number;
  maxLength?: number;
}

const NASTY = [
  '',
  ' ',
  '\u0000',
  '\u0000x',
  'a\tb',
  '../../etc/passwd',
  '%E0%A4%A',
  '{}',
  '=1+1',
  '\uD800',
  '😀',
  'undefined',
  '__proto__',
];
const anyString = (maxLength: number, minLength = 0) => {
  const nasty = NASTY.filter((s) => s.length >= minLength && s.length <= maxLength);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
    ...(nasty.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...nasty) }] : []),
  );
};

function fromSchema(schema: JsonSchema, root: JsonSchema, o: Required<ArbitraryOptions>): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    return target ? fc.constant(null).chain(() => fromSchema(target, root, o)) : fc.jsonValue();
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => fromSchema(s, root, o)));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0], root, o);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1e6, -1e9);
      const max = Math.min(schema.maximum ?? 1e6, 1e9);
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.constantFrom(Math.ceil(min), Math.floor(max)));
    }
    case 'number': {
      const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1e-9 : (schema.minimum ?? -1e6);
      const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1e-9 : (schema.maximum ?? 1e6);
      return fc.oneof(
        { weight: 4, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
        { weight: 1, arbitrary: fc.constantFrom(min, max, 0, -0, 112.6, 26.9, 1e-320).filter((v) => v >= min && v <= max) },
      );
    }
    case 'string': {
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? o.maxLength, o.maxLength));
      const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity);
      const words = o.dictionary.filter(fits);
      const options: fc.Arbitrary<string>[] = [anyString(max, min).filter(fits)];
      if (words.length > 0) options.push(fc.constantFrom(...words));
      if (schema.format === 'uuid') options.push(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'));
      else if (schema.format === 'email') options.push(fc.emailAddress());
      else if (schema.pattern) {
        try {
          options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200)));
        } catch {
          // A pattern fast-check cannot generate from: the other strings still try it.
        }
      }
      return fc.oneof(...options);
    }
    case 'array': {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => fromSchema(s, root, o)));
      const item = schema.items ? fromSchema(schema.items, root, o) : fc.jsonValue();
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? o.maxItems, o.maxItems)) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) record[k] = fromSchema(s, root, o);
      const fixed = fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
      if (Object.keys(props).length === 0 && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const keys = schema.propertyNames ? (fromSchema(schema.propertyNames, root, o) as fc.Arbitrary<string>) : fc.string();
        return fc.dictionary(keys, fromSchema(schema.additionalProperties, root, o), { maxKeys: o.maxItems });
      }
      return fixed;
    }
    default:
      return fc.jsonValue();
  }
}

/** A value one change away from `valid`: a field replaced, dropped or added, at any depth. */
function mutate(valid: unknown, change: { path: number[]; kind: number; replacement: unknown; key: string }): unknown {
  const copy = structuredClone(valid) as Json;
  let node: Json = copy;
  let parent: { [k: string]: Json } | Json[] | null = null;
  let at: string | number | null = null;
  for (const step of change.path) {
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length] as string | number;
    parent = node;
    at = key;
    node = (node as Record<string | number, Json>)[key] as Json;
  }
  if (parent === null || at === null) return change.replacement;
  if (change.kind === 0) (parent as Record<string | number, unknown>)[at] = change.replacement;
  else if (change.kind === 1 && !Array.isArray(parent)) delete (parent as Record<string, Json>)[at as string];
  else if (!Array.isArray(parent)) (parent as Record<string, unknown>)[change.key] = change.replacement;
  else (parent as unknown[]).push(change.replacement);
  return copy;
}

/** Arguments for a method with this schema: fitting ones, near misses and anything. */
export function argumentsFor(schema: z.ZodType, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const o = { maxItems: 4, maxLength: 24, ...options };
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const valid = fromSchema(json, json, o);
  const change = fc.record({
    path: fc.array(fc.nat(), { maxLength: 4 }),
    kind: fc.integer({ min: 0, max: 2 }),
    replacement: fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyString(20), fc.constantFrom(-1, 1e308, Number.MAX_SAFE_INTEGER, [], {})),
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'extra')),
  });
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, change).map(([v, c]) => mutate(v, c)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
