import type { ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Switch,
  Text,
  TextArea,
  TextField,
  Button as AriaButton,
  ComboBox,
} from 'react-aria-components';
import { ChevronDown } from 'lucide-react';

interface FieldFrame {
  label: string;
  description?: string | undefined;
  /** A problem to show under the field. */
  error?: string | undefined;
}

/** Under a field: its description, or in its place the problem with it (react-aria ties either to the field). */
export function FieldNote({ description, error }: { description?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {description && !error && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
}

export interface TextInputProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  placeholder?: string | undefined;
  multiline?: boolean;
  autoFocus?: boolean;
  isRequired?: boolean;
  inputMode?: 'numeric' | 'text';
  className?: string;
}

/** A labelled text input (or text area) with its description and problem. */
export function TextInput({
  label,
  description,
  error,
  value,
  onChange,
  onFocus,
  onBlur,
  placeholder,
  multiline,
  autoFocus,
  isRequired,
  inputMode,
  className,
}: TextInputProps) {
  return (
    <TextField
      className={['field', className].filter(Boolean).join(' ')}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      autoFocus={autoFocus}
      {...(onFocus ? { onFocus } : {})}
      {...(onBlur ? { onBlur } : {})}
    >
      <Label className="field-label">{label}</Label>
      {multiline ? (
        <TextArea className="input textarea" placeholder={placeholder} />
      ) : (
        <Input className="input" placeholder={placeholder} inputMode={inputMode} />
      )}
      <FieldNote description={description} error={error} />
    </TextField>
  );
}

export interface ToggleProps {
  label: string;
  description?: string | undefined;
  isSelected: boolean;
  onChange: (value: boolean) => void;
}

/** An on/off switch with its label and an optional explanation. */
export function Toggle({ label, description, isSelected, onChange }: ToggleProps) {
  return (
    <div className="field field-toggle">
      <Switch className="switch" isSelected={isSelected} onChange={onChange}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">{label}</span>
      </Switch>
      {description && <p className="field-description">{description}</p>}
    </div>
  );
}

export interface ChoiceProps extends FieldFrame {
  value: string | null;
  options: readonly { id: string; label: string }[];
  onChange: (value: string) => void;
  placeholder?: string;
}

/** A dropdown of fixed choices. */
export function Choice({ label, description, error, value, options, onChange, placeholder = 'Choose…' }: ChoiceProps) {
  return (
    <Select
      className="field"
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      isInvalid={Boolean(error)}
      placeholder={placeholder}
    >
      <Label className="field-label">{label}</Label>
      <AriaButton className="input select-button">
        <SelectValue className="select-value" />
        <ChevronDown size={14} aria-hidden="true" />
      </AriaButton>
      <FieldNote description={description} error={error} />
      <Popover className="popover" offset={4}>
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem className="listbox-item" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

export interface SuggestInputProps extends FieldFrame {
  value: string;
  suggestions: readonly string[];
  onChange: (value: string) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  placeholder?: string | undefined;
}

/** A text input that suggests known names (tables, columns, flows) but accepts any text. */
export function SuggestInput({ label, description, error, value, suggestions, onChange, onFocus, onBlur, placeholder }: SuggestInputProps) {
  const items = suggestions.map((name) => ({ id: name, name }));
  return (
    <ComboBox
      className="field"
      inputValue={value}
      onInputChange={onChange}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      allowsCustomValue
      menuTrigger="focus"
      isInvalid={Boolean(error)}
      items={items}
      {...(onFocus ? { onFocus } : {})}
      {...(onBlur ? { onBlur } : {})}
    >
      <Label className="field-label">{label}</Label>
      <div className="combo">
        <Input className="input" placeholder={placeholder} />
        <AriaButton className="combo-button" aria-label={`Show ${label.toLowerCase()} choices`}>
          <ChevronDown size={14} aria-hidden="true" />
        </AriaButton>
      </div>
      <FieldNote description={description} error={error} />
      <Popover className="popover" offset={4}>
        <ListBox className="listbox">
          {(item: { id: string; name: string }) => (
            <ListBoxItem className="listbox-item" id={item.id} textValue={item.name}>
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** A group heading inside a form. */
export function FormSection({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="form-section">
      <header className="form-section-header">
        <h3>{title}</h3>
        {aside}
      </header>
      <div className="form-section-body">{children}</div>
    </section>
  );
}
