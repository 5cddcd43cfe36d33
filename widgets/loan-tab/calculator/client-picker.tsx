// The client of the new deal: found among the portal's contacts by name or phone, or typed in as a
// new one (created with the deal). Nothing is created until the deal is.
import { useState } from 'preact/hooks';
import type { FrameBridge } from '../bridge.js';
import { Field } from '../components/field.js';
import type { ClientChoice } from './create-deal.js';
import type { CalcDict } from './i18n.js';
import { findContacts, type ContactHit } from './portal-crm.js';

interface Props {
  d: CalcDict;
  bridge: Pick<FrameBridge, 'call'>;
  value: ClientChoice | null;
  onChange: (c: ClientChoice | null) => void;
}

type Search = { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; hits: ContactHit[] } | { kind: 'failed'; message: string };

export function ClientPicker({ d, bridge, value, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ kind: 'idle' });
  const [draft, setDraft] = useState({ firstName: '', lastName: '', phone: '' });
  if (value?.kind === 'existing') {
    return (
      <div class="lt-field" data-testid="client-chosen">
        <span class="lt-field__label">{d.chosen}</span>
        <span>
          <b>{value.name}</b>{' '}
          <button class="lt-button lt-button--light" type="button" onClick={() => onChange(null)}>
            {d.change}
          </button>
        </span>
      </div>
    );
  }
  const run = (): void => {
    setSearch({ kind: 'searching' });
    findContacts(bridge, query).then(
      (hits) => setSearch({ kind: 'done', hits }),
      (e: unknown) => setSearch({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  // A typed new client is the choice as soon as it has a name; clearing the name un-chooses it.
  const editDraft = (key: keyof typeof draft, v: string): void => {
    const next = { ...draft, [key]: v };
    setDraft(next);
    onChange(next.firstName.trim() || next.lastName.trim() ? { kind: 'new', contact: next } : null);
  };
  return (
    <fieldset class="lt-calc__client" data-testid="client-picker">
      <legend class="lt-field__label">{d.contact}</legend>
      <form
        class="lt-calc__search"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <input
          class="lt-input"
          name="clientSearch"
          type="search"
          placeholder={d.contactSearch}
          aria-label={d.contactSearch}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button class="lt-button lt-button--light" type="submit" disabled={search.kind === 'searching' || !query.trim()}>
          {search.kind === 'searching' ? d.searching : d.find}
        </button>
      </form>
      {search.kind === 'done' && search.hits.length === 0 ? <p class="lt-muted">{d.noMatches}</p> : null}
      {search.kind === 'failed' ? (
        <p class="lt-error" role="alert">
          {search.message}
        </p>
      ) : null}
      {search.kind === 'done' && search.hits.length > 0 ? (
        <ul class="lt-calc__hits" data-testid="client-hits">
          {search.hits.map((h) => (
            <li key={h.id}>
              <button
                class="lt-button lt-button--light"
                type="button"
                onClick={() => onChange({ kind: 'existing', id: h.id, name: h.name })}
              >
                {h.phone ? `${h.name} · ${h.phone}` : h.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="lt-calc__new" data-testid="client-new">
        <span class="lt-muted">{d.newContact}</span>
        <Field label={d.firstName}>
          <input
            class="lt-input"
            name="clientFirstName"
            value={draft.firstName}
            onInput={(e) => editDraft('firstName', e.currentTarget.value)}
          />
        </Field>
        <Field label={d.lastName}>
          <input
            class="lt-input"
            name="clientLastName"
            value={draft.lastName}
            onInput={(e) => editDraft('lastName', e.currentTarget.value)}
          />
        </Field>
        <Field label={d.phone}>
          <input
            class="lt-input"
            name="clientPhone"
            type="tel"
            value={draft.phone}
            onInput={(e) => editDraft('phone', e.currentTarget.value)}
          />
        </Field>
      </div>
    </fieldset>
  );
}
