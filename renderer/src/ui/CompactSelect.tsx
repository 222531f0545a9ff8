import { ChevronDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button as AriaButton, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

export interface CompactSelectProps<T extends { id: string }> {
  /** Read by assistive technology: the select shows no label of its own. */
  label: string;
  value: string | null;
  options: readonly T[];
  onChange: (id: string) => void;
  className?: string;
  /** The trigger's own class (e.g. a colour for its value). */
  buttonClassName?: string;
  placeholder?: string;
  /** An option's content in the list; its `id` by default. */
  renderOption?: (option: T) => ReactNode;
  /** The text of an option, for typeahead and assistive technology; its `id` by default. */
  optionText?: (option: T) => string;
  emptyText?: string;
}

/** A dropdown without a visible label, for toolbars (endpoint, method, console filters). */
export function CompactSelect<T extends { id: string }>({
  label,
  value,
  options,
  onChange,
  className,
  buttonClassName,
  placeholder,
  renderOption,
  optionText,
  emptyText,
}: CompactSelectProps<T>) {
  return (
    <Select
      className={className}
      aria-label={label}
      placeholder={placeholder}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
    >
      <AriaButton className={['input select-button', buttonClassName].filter(Boolean).join(' ')}>
        <SelectValue className="select-value" />
        <ChevronDown size={13} aria-hidden="true" />
      </AriaButton>
      <Popover className="popover" offset={4}>
        <ListBox className="listbox" items={options} renderEmptyState={emptyText ? () => <p className="listbox-empty">{emptyText}</p> : undefined}>
          {(option) => (
            <ListBoxItem className="listbox-item" id={option.id} textValue={optionText?.(option) ?? option.id}>
              {renderOption?.(option) ?? option.id}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
