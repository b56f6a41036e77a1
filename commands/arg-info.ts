import * as z from 'zod';

/** What the generators need to know about one argument, read from its zod schema. */
export interface ArgInfo {
  /** The schema key (camelCase). */
  field: string;
  /** The Discord option name and text flag (kebab-case): hasCode → has-code. */
  option: string;
  kind: 'string' | 'integer' | 'number' | 'boolean' | 'choice';
  required: boolean;
  description: string;
  choices?: string[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  /** How help shows the value: YYYY-MM-DD, N, bibtex|markdown|csv. */
  placeholder: string;
  /** Typed text may give the value as up to this many words without quotes (`--weekly-trends fri 16:00`). */
  words?: number;
}

export const toOption = (field: string) => field.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

type Node = z.ZodType & { def: { type: string; innerType?: Node }; description?: string };

/** Reads name, kind, limits and description of every field; throws on a kind the generators cannot map. */
export function argInfos(schema: z.ZodObject): ArgInfo[] {
  let infos = cache.get(schema);
  if (!infos) cache.set(schema, (infos = readInfos(schema)));
  return infos;
}

// Declarations are static: read each schema once, not on every command.
const cache = new WeakMap<z.ZodObject, ArgInfo[]>();

function readInfos(schema: z.ZodObject): ArgInfo[] {
  return Object.entries(schema.shape).map(([field, s]): ArgInfo => {
    let node = s as unknown as Node;
    const required = !node.isOptional();
    let description: string | undefined;
    let placeholder: string | undefined;
    let words: number | undefined;
    // Description and meta may sit on a wrapper or on the inner schema, depending on call order.
    for (;;) {
      const meta = z.globalRegistry.get(node) as { description?: string; placeholder?: string; words?: number } | undefined;
      description ??= meta?.description ?? node.description;
      placeholder ??= meta?.placeholder;
      words ??= meta?.words;
      if (['optional', 'default', 'nullable', 'prefault'].includes(node.def.type) && node.def.innerType) node = node.def.innerType;
      else break;
    }
    const option = toOption(field);
    if (!description) throw new Error(`argument ${field} has no description`);
    const base = { field, option, required, description };
    if (node instanceof z.ZodString) {
      return { ...base, kind: 'string', minLength: node.minLength ?? undefined, maxLength: node.maxLength ?? undefined, placeholder: placeholder ?? option.toUpperCase(), ...(words ? { words } : {}) };
    }
    if (node instanceof z.ZodNumber) {
      const integer = node.format === 'safeint' || node.format === 'int32';
      const num = (x: number | null) => (x === null || !Number.isFinite(x) || Math.abs(x) > Number.MAX_SAFE_INTEGER ? undefined : x);
      return { ...base, kind: integer ? 'integer' : 'number', min: num(node.minValue), max: num(node.maxValue), placeholder: placeholder ?? 'N' };
    }
    if (node instanceof z.ZodBoolean) return { ...base, kind: 'boolean', placeholder: '' };
    if (node instanceof z.ZodEnum) {
      const choices = node.options.map(String);
      return { ...base, kind: 'choice', choices, placeholder: placeholder ?? choices.join('|') };
    }
    throw new Error(`argument ${field}: unsupported schema type ${node.def.type}`);
  });
}
