import { type Scenario, spanScenarios, uniformLadder } from 'marginkit';
import { CliError, usage } from './CliError.js';
import type { OptionValues } from './Command.js';
import { inField } from './inField.js';
import { readJson } from './readJson.js';

/** The scenario presets of `--preset`. */
export const PRESETS = ['ladder', 'crash', 'span'] as const;

function option(values: OptionValues, name: string, fallback: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : fallback;
}

/** Scenarios of a JSON file: an array of scenarios, or `{ scenarios: [...] }`; each needs a name. */
function scenarioFile(file: string): Scenario[] {
  const input = readJson(file, { isTTY: false, fd: 0 });
  const list =
    typeof input === 'object' && input !== null && !Array.isArray(input) && 'scenarios' in input
      ? input.scenarios
      : input;
  const prefix = list === input ? [] : ['scenarios'];
  if (!Array.isArray(list))
    throw new CliError('INVALID_TYPE', `expected an array of scenarios in ${file}`, prefix);
  list.forEach((s, i) => {
    if (typeof s !== 'object' || s === null || typeof (s as { name?: unknown }).name !== 'string') {
      throw new CliError('INVALID_FIELD', `scenario needs a name (in ${file})`, [...prefix, i, 'name']);
    }
  });
  return list as Scenario[];
}

/**
 * The scenarios of `marginkit stress`: a file (`--scenarios`), or a preset: `ladder` (every market moving
 * together from `--min` to `--max` by `--step`; default −30 % … +30 % by 5 %), `crash` (0 to −50 % by 5 %), or
 * `span` (the 16 CME SPAN scenarios at `--scan-range`, default 12 %).
 */
export function scenarioInput(values: OptionValues): Scenario[] {
  const file = values.scenarios;
  if (typeof file === 'string') {
    if (values.preset !== undefined) throw usage('give --scenarios or --preset, not both');
    return scenarioFile(file);
  }
  const preset = option(values, 'preset', 'ladder');
  switch (preset) {
    case 'ladder':
      return inField(['--min/--max/--step'], () =>
        uniformLadder(
          option(values, 'min', '-0.3'),
          option(values, 'max', '0.3'),
          option(values, 'step', '0.05'),
        ),
      );
    case 'crash':
      return uniformLadder('-0.5', '0', '0.05').reverse();
    case 'span':
      return inField(['--scan-range'], () => spanScenarios(option(values, 'scan-range', '0.12')));
    default:
      throw usage(`--preset must be one of ${PRESETS.join(', ')}, not '${preset}'`);
  }
}
