/**
 * (Node) The states a widget folder's stories show: the workbench's host states, its backend states
 * when the folder has mocks/handlers, and the folder's own `workbench.states.json`, which adds states
 * and replaces those of the same name. The file is checked by a schema; every wrong key or value is
 * one `bad-states` problem naming the state and the field, and the states it could read still show.
 *
 * `workbench.states.json`:
 *   { "states": [ { "name": "Big order", "deal": { "status": "142004", "fields": { "lead-budget": 9900000 } },
 *                   "sys": { "currencySymbol": "$" }, "backend": { "scenario": "slow", "delayMs": 800 },
 *                   "localStorage": { "draft": "hello" } } ],
 *     "omit": ["Long values"] }
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { z as zod } from 'zod';
import { SCENARIOS } from '../../common/scenarioNames.ts';
import { DEFAULT_DEAL_FIELDS, STATUS_IDS } from '../../common/defaultDeal.ts';
import type { FieldType, LeadFieldSource } from '../../common/constants.ts';
import { ALL_STATES, BACKEND_STATES, HOST_STATES, type StateSpec } from '../../common/stateSpec.ts';
import type { FolderProblem } from '../../common/folderProblem.ts';
import { readJsonFile } from './readJsonFile.ts';
import { kindOf } from './readFolderFile.ts';
import path from 'node:path';

export const STATES_FILE = 'workbench.states.json';

type Z = typeof import('zod').z;

/** Every LeadFieldSource (complete by its type). */
const FIELD_SOURCES = { lead: true, contacts: true, company: true } satisfies Record<LeadFieldSource, true>;

function valueSchemas(z: Z): Record<FieldType, zod.ZodType> {
  const enumValue = z.strictObject({ enum_id: z.number().int(), value: z.string() });
  const text = z.string();
  const timestamp = z.number().int();
  return {
    text,
    textarea: text,
    url: text,
    streetaddress: text,
    numeric: text,
    budget: z.number(),
    checkbox: z.boolean(),
    date: timestamp,
    birthday: timestamp,
    dateTime: timestamp,
    select: enumValue,
    radiobutton: enumValue,
    multiselect: z.array(enumValue),
    multitext: z.array(z.strictObject({ value: z.string(), enum_code: z.enum(['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER', 'PRIV']) })),
    smartAddress: z.array(z.strictObject({ value: z.string(), enum_code: z.enum(['address_line_1', 'address_line_2', 'city', 'state', 'zip', 'country']) })),
    legalEntity: z.strictObject({
      name: z.string(),
      entity_type: z.string(),
      vat_id: z.string(),
      tax_registration_reason_code: z.string(),
      address: z.string(),
      kpp: z.string(),
      external_uid: z.string(),
    }),
  };
}

function buildSchema() {
  // zod on first use, through require (see manifestSchema.ts): a folder without the file costs none.
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const values = valueSchemas(z);
  // Every FieldType, complete by the type of valueSchemas' record.
  const fieldTypes = Object.keys(values) as [FieldType, ...FieldType[]];
  const newField = z
    .strictObject({
      name: z.string().min(1),
      type: z.enum(fieldTypes),
      source: z.enum(Object.keys(FIELD_SOURCES) as [LeadFieldSource, ...LeadFieldSource[]]).optional(),
      value: z.unknown(),
    })
    .superRefine((field, ctx) => {
      if (field.value === null) return;
      const checked = values[field.type].safeParse(field.value);
      if (!checked.success)
        for (const issue of checked.error.issues)
          ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: `${issue.message} (a ${field.type} value)` });
    });
  const notAField = `not a field of the default deal (${Object.keys(DEFAULT_DEAL_FIELDS).join(', ')})`;
  const fields = z.record(z.string(), z.unknown()).superRefine((record, ctx) => {
    for (const [id, value] of Object.entries(record)) {
      const type = DEFAULT_DEAL_FIELDS[id];
      const checked = type ? (value === null ? { success: true as const } : values[type].safeParse(value)) : newField.safeParse(value);
      if (checked.success) continue;
      for (const issue of checked.error.issues) {
        const message = type ? `${issue.message} (the field ${id} is ${type === 'budget' ? 'a budget' : `a ${type}`} field)` : issue.message;
        ctx.addIssue({
          code: 'custom',
          path: [id, ...issue.path],
          message: !type && issue.path.length === 0 ? `${notAField}; a new field is { "name", "type", "value" }` : message,
        });
      }
    }
  });
  const fieldId = z.string().refine((id) => id in DEFAULT_DEAL_FIELDS, { message: notAField });
  const state = z.strictObject({
    name: z.string().trim().min(1).max(120),
    deal: z
      .strictObject({
        company: z.boolean().optional(),
        loaded: z.boolean().optional(),
        status: z.enum(STATUS_IDS).optional(),
        onlyFields: z.array(fieldId).optional(),
        fields: fields.optional(),
        longValues: z.boolean().optional(),
      })
      .optional(),
    sys: z
      .strictObject({
        currencySymbol: z.string().optional(),
        isRemovalAvailable: z.boolean().optional(),
        logoUrl: z.string().optional(),
        pageTitle: z.string().optional(),
      })
      .optional(),
    backend: z.strictObject({ scenario: z.enum(SCENARIOS), delayMs: z.number().int().min(0).max(60_000).optional() }).optional(),
    localStorage: z.record(z.string(), z.string()).optional(),
  });
  const builtInNames = [...HOST_STATES, ...BACKEND_STATES].map((s) => s.name);
  return {
    file: z.strictObject({
      $schema: z.string().optional(),
      states: z.array(z.unknown()).optional(),
      omit: z
        .array(
          z.string().refine((name) => builtInNames.includes(name) && name !== 'Default', {
            message: `not a state the workbench adds (one of: ${builtInNames.filter((n) => n !== 'Default').join(', ')})`,
          }),
        )
        .optional(),
    }),
    state,
  };
}

let schema: ReturnType<typeof buildSchema> | undefined;

export interface FolderStates {
  states: StateSpec[];
  problems: FolderProblem[];
}

const describeIssue = (issue: zod.core.$ZodIssue) => {
  const where = issue.path.map(String).join('.');
  return `${where || '(the value)'}: ${issue.message}`;
};

export interface StatesInput {
  /** The JSON of the folder's workbench.states.json. */
  raw: unknown;
  /** Whether the folder has mocks/handlers (the backend states). */
  hasBackend: boolean;
}

/** How workbench.states.json is checked (the preset passes one with a disk cache, statesCheckCache.ts). */
export type CheckStates = (input: StatesInput) => FolderStates;

/**
 * The states of one folder, in sidebar order: Default, the host states, the backend states (with
 * `hasBackend`), then the folder's own; one of the folder's with a built-in name takes its place.
 */
export function folderStates(dir: string, hasBackend: boolean, check: CheckStates = checkStates): FolderStates {
  const problems: FolderProblem[] = [];
  const file = path.join(dir, STATES_FILE);
  if (kindOf(file) === 'missing') return { states: builtInStates(hasBackend), problems };
  const raw = readJsonFile(dir, STATES_FILE, problems);
  if (raw === undefined) return { states: builtInStates(hasBackend), problems };
  const checked = check({ raw, hasBackend });
  return { states: checked.states, problems: [...problems, ...checked.problems] };
}

function builtInStates(hasBackend: boolean): StateSpec[] {
  return [...HOST_STATES, ...(hasBackend ? BACKEND_STATES : [])];
}

/** The states a folder's workbench.states.json gives (its JSON), and a problem for each wrong key or value. */
export function checkStates({ raw, hasBackend }: StatesInput): FolderStates {
  const problems: FolderProblem[] = [];
  const builtIn = builtInStates(hasBackend);
  schema ??= buildSchema();
  const bad = (message: string) =>
    problems.push({
      code: 'bad-states',
      file: STATES_FILE,
      message,
      fix: `Correct ${STATES_FILE}: see "Every state of your widget" in the workbench's README for its keys.`,
    });
  const top = schema.file.safeParse(raw);
  if (!top.success) {
    bad(`${STATES_FILE}: ${top.error.issues.map(describeIssue).join('; ')}.`);
    return { states: [...builtIn], problems };
  }
  const omitted = new Set(top.data.omit ?? []);
  const states = builtIn.filter((s) => !omitted.has(s.name));
  const seen = new Set<string>();
  (top.data.states ?? []).forEach((entry, index) => {
    const label =
      typeof (entry as { name?: unknown })?.name === 'string' ? `State "${(entry as { name: string }).name}" (states[${index}])` : `states[${index}]`;
    const parsed = schema!.state.safeParse(entry);
    if (!parsed.success) {
      bad(`${label}: ${parsed.error.issues.map(describeIssue).join('; ')}. The state is left out.`);
      return;
    }
    const { name, ...rest } = parsed.data;
    if (seen.has(name) || name === ALL_STATES.name) {
      bad(`${label}: ${name === ALL_STATES.name ? 'the overview has this name' : 'another state has this name'}. The state is left out.`);
      return;
    }
    seen.add(name);
    const replaced = states.findIndex((s) => s.name === name);
    const spec: StateSpec = {
      name,
      exportName: replaced >= 0 ? states[replaced]!.exportName : exportNameOf(name),
      ...(rest as Omit<StateSpec, 'name' | 'exportName'>),
    };
    if (replaced >= 0) states[replaced] = spec;
    else states.push(spec);
  });
  uniqueExportNames(states);
  return { states, problems };
}

/** A CSF export name for a state's name: its ASCII words in PascalCase (`Big order` → `BigOrder`), else a hash. */
export function exportNameOf(name: string): string {
  const words =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[A-Za-z0-9]+/g) ?? [];
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  const ascii = /^[A-Za-z]/.test(pascal) ? pascal : `State${pascal}`;
  // A name with letters ASCII cannot spell (Кириллица, 中文) gets a hash, so two such names never share an id.
  const lossy = /[^\x00-\x7f]/.test(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  return lossy || !words.length ? `${ascii}${createHash('sha256').update(name).digest('hex').slice(0, 8)}` : ascii;
}

/** Export names that would give one story id (`BigOrder`, `Big_order`) get a hash of their name. */
function uniqueExportNames(states: StateSpec[]): void {
  const reserved = new Set([ALL_STATES.exportName.toLowerCase()]);
  for (const state of states) {
    const key = state.exportName.toLowerCase();
    if (reserved.has(key)) state.exportName = `${state.exportName}${createHash('sha256').update(state.name).digest('hex').slice(0, 8)}`;
    reserved.add(state.exportName.toLowerCase());
  }
}
