import { Search, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button as AriaButton, Input, SearchField } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { CONSOLE_STATUSES } from '../../../shared/dto/console.dto.js';
import { useStudioStore } from '../state/studio-store.js';
import { CompactSelect } from '../ui/CompactSelect.js';
import type { ConsoleFilters as Filters } from './console-entries.js';

const ANY = '*';
/** How long typing may pause before the search is sent. */
const SEARCH_DELAY_MS = 300;

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <CompactSelect
      label={label}
      className="filter-select"
      value={value || ANY}
      options={options}
      optionText={(option) => option.label}
      renderOption={(option) => option.label}
      onChange={(id) => onChange(id === ANY ? '' : id)}
    />
  );
}

/** The console's filters: application, flow, status, and text (searched by the server in URLs, users and messages). */
export function ConsoleFilters() {
  const { filters, setFilters, workspace } = useStudioStore(
    useShallow((state) => ({ filters: state.consoleFilters, setFilters: state.setConsoleFilters, workspace: state.workspace })),
  );
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => setFilters({ q: text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, setFilters]);

  const applications = workspace?.applications ?? [];
  const flows = applications
    .filter((app) => !filters.application || app.name === filters.application)
    .flatMap((app) => app.actionflows.map((flow) => flow.name));
  const option = (id: string, label = id) => ({ id, label });
  return (
    <div className="console-filters" role="group" aria-label="Filters">
      <FilterSelect
        label="Application"
        value={filters.application}
        options={[option(ANY, 'All applications'), ...applications.map((app) => option(app.name))]}
        onChange={(application) => setFilters({ application, actionflow: '' } satisfies Partial<Filters>)}
      />
      <FilterSelect
        label="Actionflow"
        value={filters.actionflow}
        options={[option(ANY, 'All actionflows'), ...[...new Set(flows)].map((flow) => option(flow))]}
        onChange={(actionflow) => setFilters({ actionflow })}
      />
      <FilterSelect
        label="Status"
        value={filters.status}
        options={[option(ANY, 'Any status'), ...CONSOLE_STATUSES.map((status) => option(status))]}
        onChange={(status) => setFilters({ status: status as Filters['status'] })}
      />
      <SearchField className="console-search" aria-label="Search the console" value={text} onChange={setText}>
        <Search size={13} className="input-leading-icon" aria-hidden="true" />
        <Input className="input console-search-input" placeholder="Search URLs, users, process ids, messages" />
        {text && (
          <AriaButton className="console-search-clear" aria-label="Clear the search">
            <X size={12} />
          </AriaButton>
        )}
      </SearchField>
    </div>
  );
}
