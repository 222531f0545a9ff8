import { Save } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/schemas/settings.schema.js';
import { useStudioStore } from '../state/studio-store.js';
import { Button } from '../ui/Button.js';
import { FormSection, TextInput } from '../ui/fields.js';
import { notify } from '../ui/notifications.js';
import { usePendingAction } from '../ui/use-pending-action.js';
import { fieldProblems, NO_PROBLEMS } from './field-problems.js';
import { SectionHeader } from './SectionHeader.js';
import { defaultText, SETTING_GROUPS, settingChanges, settingLabel, settingText, type SettingKey } from './settings-fields.js';

const KEYS = SETTING_GROUPS.flatMap((group) => group.fields.map((field) => field.key));
const textsOf = (settings: Settings) => Object.fromEntries(KEYS.map((key) => [key, settingText(settings[key])])) as Record<SettingKey, string>;

/** The server's settings, each with what it does and its default; only what changed is sent. */
export function SettingsSection() {
  const { client, stored, serverUrl, loadSettings } = useStudioStore(
    useShallow((state) => ({ client: state.client!, stored: state.settings, serverUrl: state.serverUrl, loadSettings: state.loadSettings })),
  );
  const current: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const [texts, setTexts] = useState<Record<SettingKey, string>>(() => textsOf(current));
  const { run, busy, error: problems = NO_PROBLEMS, setError: setProblems } = usePendingAction((error) => fieldProblems(error, KEYS));
  // Follows the stored settings when they are (re)loaded.
  useEffect(() => setTexts(textsOf({ ...DEFAULT_SETTINGS, ...stored })), [stored]);

  const changes = settingChanges(texts, current);
  const changed = Object.keys(changes).length > 0;
  const save = async () => {
    if (!changed) return;
    setProblems(undefined);
    await run(
      async () => {
        const saved = await client.updateSettings(changes);
        await loadSettings();
        return saved;
      },
      (saved) =>
        notify({
          tone: 'success',
          title: 'Settings saved',
          ...('port' in changes ? { description: `The server listens on port ${saved.port} from its next start.` } : {}),
        }),
    );
  };

  return (
    <>
      <SectionHeader
        title="Settings"
        description={
          <>
            Stored in the data folder and shared with the CLI. This designer reaches the server at <code>{serverUrl}</code>.
          </>
        }
      />
      <Form
        className="settings-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {SETTING_GROUPS.map((group) => (
          <FormSection key={group.title} title={group.title}>
            <div className="settings-grid">
              {group.fields.map((field) => (
                <TextInput
                  key={field.key}
                  label={settingLabel(field)}
                  value={texts[field.key]}
                  onChange={(text) => setTexts((previous) => ({ ...previous, [field.key]: text }))}
                  description={`${field.description} ${defaultText(field)}`}
                  error={problems.fields[field.key]}
                  placeholder={field.key === 'publicBaseUrl' ? serverUrl : undefined}
                  inputMode={typeof DEFAULT_SETTINGS[field.key] === 'number' ? 'numeric' : 'text'}
                />
              ))}
            </div>
          </FormSection>
        ))}
        {problems.form && (
          <p className="field-error" role="alert">
            {problems.form}
          </p>
        )}
        <div className="settings-actions">
          <Button
            variant="secondary"
            isDisabled={!changed || busy}
            onPress={() => {
              setTexts(textsOf(current));
              setProblems(undefined);
            }}
          >
            Discard changes
          </Button>
          <Button variant="primary" type="submit" icon={<Save size={15} />} isDisabled={!changed || busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </Button>
        </div>
      </Form>
    </>
  );
}
