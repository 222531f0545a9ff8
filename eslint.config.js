// ESLint for the whole repository: TypeScript with type information (typescript-eslint),
// React's hook rules and jsx-a11y's recommended rules for the designer. Layout is Prettier's
// job (`npm run lint` runs both), so no rule here is about it. Every rule turned off or
// loosened below says why.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'test-results/', 'node_modules/'] },

  js.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Names, file names and CSV cells are checked for control characters on purpose.
      'no-control-regex': 'off',
    },
  },

  // TypeScript, checked with the types of its project (tsconfig.node, .web or .test).
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // These stay on (DESIGN §9).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // A leading underscore marks what a signature must take but the body does not use
      // (Express knows an error handler by its four parameters).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // An async function without await still returns the promise its interface asks for.
      '@typescript-eslint/require-await': 'off',
      // `let x` set once after a closure that reads it was made (a port known once listening).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Passing a rejection on as it came is not inventing a non-Error reason.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Every String(value) left follows a check that sends objects to JSON.stringify; the rule
      // does not follow that narrowing of `unknown`.
      '@typescript-eslint/no-base-to-string': 'off',
      // It calls casts to zod's and Electron's declared types unnecessary where tsc needs them
      // (its fixes broke the type check), so casts are left to review.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },

  // The preload runs as CommonJS in Electron's sandbox, where `require` is the only import.
  { files: ['electron/**/*.cts'], rules: { '@typescript-eslint/no-require-imports': 'off' } },

  // Tests read JSON replies as `any` and assert on what they hold: a wrong read fails the
  // assertion, so typing every reply would add nothing a test does not already check.
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // The designer: React's hook rules and accessibility.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A dialog puts the focus on its first field when it opens, as the WAI-ARIA dialog
      // pattern asks; autoFocus is how React Aria's dialogs are told which one.
      'jsx-a11y/no-autofocus': 'off',
      // A value shown in a scrolling box takes the focus so that the keyboard can scroll it
      // (axe's scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['code', 'pre'], roles: ['tabpanel'] }],
    },
  },

  // The panel's resizer is a focusable separator, which WAI-ARIA counts as a widget (a window
  // splitter moved with the arrow keys); jsx-a11y counts every separator as static.
  {
    files: ['renderer/src/editor/panel/PanelResizer.tsx'],
    rules: { 'jsx-a11y/no-noninteractive-element-interactions': 'off', 'jsx-a11y/no-noninteractive-tabindex': 'off' },
  },

  // Scripts the bench injects into the designer's page run in the browser.
  { files: ['bench/designer/frame-markers.mjs'], languageOptions: { globals: { ...globals.browser } } },
);
