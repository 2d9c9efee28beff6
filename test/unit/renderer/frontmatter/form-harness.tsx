/**
 * Mounts a SchemaForm the way the app does (every change fed back in as the new value) and records
 * what it hands back; plus the few DOM helpers these tests need beyond ../dom.ts.
 */
import { act } from 'react';
import { vi } from 'vitest';
import type { FrontMatterData } from '../../../../shared/api';
import type { FieldIssue, SchemaField } from '../../../../shared/content/schema/types';
import { validateEntry } from '../../../../shared/content/schema/validate';
import { emptyFormServices, type FormServices } from '../../../../renderer/frontmatter/form-services';
import { SchemaForm } from '../../../../renderer/frontmatter/SchemaForm';
import { accessibleName, mount, type Mounted } from '../dom';

/** A mounted form and what it sent. */
export interface FormUnderTest {
  form: HTMLElement;
  changes: FrontMatterData[];
  /** The last whole object handed back; throws when nothing changed yet. */
  last(): FrontMatterData;
  unmount(): Promise<void>;
}

/**
 * Renders `fields` over `value`. Issues are `issues` when given, else recomputed with validateEntry
 * on every change, like FieldsPanel.
 */
export async function renderForm(
  fields: SchemaField[],
  value: FrontMatterData,
  options: { issues?: FieldIssue[]; services?: Partial<FormServices> } = {},
): Promise<FormUnderTest> {
  const changes: FrontMatterData[] = [];
  const services: FormServices = { ...emptyFormServices, ...options.services };
  let current = value;
  // Set once mounted; the change handler re-renders through it.
  const holder: { mounted?: Mounted } = {};
  const view = () => (
    <SchemaForm
      fields={fields}
      value={current}
      issues={options.issues ?? validateEntry(fields, current)}
      services={services}
      onChange={(next) => {
        changes.push(next);
        current = next;
        void holder.mounted?.rerender(view());
      }}
    />
  );
  const done = await mount(view());
  holder.mounted = done;
  return {
    form: done.container,
    changes,
    last() {
      const latest = changes.at(-1);
      if (!latest) throw new Error('no change recorded');
      return latest;
    },
    unmount: () => done.unmount(),
  };
}

/** The one element matching `selector` whose accessible name is `name`. */
export function getByName(scope: ParentNode, selector: string, name: string): HTMLElement {
  const found = Array.from(scope.querySelectorAll<HTMLElement>(selector)).filter(
    (element) => accessibleName(element) === name,
  );
  if (found.length !== 1)
    throw new Error(`Expected one ${selector} named ${JSON.stringify(name)}, found ${found.length}`);
  return found[0] as HTMLElement;
}

/** Presses a key on `element` (keydown), inside act(). */
export async function press(element: HTMLElement, key: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

/** Picks the option with `value` in a native select. */
export async function selectOption(select: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** A mouse-down (how combobox options are chosen without blurring the input). */
export async function mouseDown(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
  });
}

/** Lets timers (debounces) and the promises they start run: on fake timers, by advancing the clock; else a real wait. */
export async function wait(ms: number): Promise<void> {
  await act(async () => {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(ms);
    else await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/** The text of the elements an element's aria-describedby points at. */
export function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');
}

type Widget<W extends SchemaField['widget']> = Extract<SchemaField, { widget: W }>;

/** A schema field with the common options filled in (optional unless `required` is given). */
export function field<W extends SchemaField['widget']>(
  widget: W,
  name: string,
  extra: Partial<Omit<Widget<W>, 'widget'>> = {},
): Widget<W> {
  return { widget, name, label: name.charAt(0).toUpperCase() + name.slice(1), required: false, ...extra } as Widget<W>;
}
