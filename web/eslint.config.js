import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "node_modules"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      // The classic hook rules; the React Compiler's stricter set does not apply, as the app does not use it.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // With noUncheckedIndexedAccess, `xs[i]!` after a bounds check is the honest way to say "checked".
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // Features never import each other (a sibling folder is another feature); shared code lives in lib/ and anchoring/.
    files: ["src/features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^\\.\\./[^.]", message: "features must not import each other: move it to lib/" },
          ],
        },
      ],
    },
  },
);
