/**
 * The value of `--locale` (`--locale de` or `--locale=de`), found before anything else is parsed: the
 * reader's language is needed to say what is wrong with the rest, the command included.
 */
export function localeFlag(args: readonly string[]): string | undefined {
  const index = args.indexOf('--locale');
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length);
}
