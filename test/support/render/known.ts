// The findings the pictures are known to show today, as a ratchet: a finding not on the list fails
// its test, and so does an entry nothing matches any more (the redesign fixed it: remove the entry).
import type { CheckName } from './checks.js';
import type { Picture } from './pictures.js';

export interface KnownFinding {
  /** The pictures it covers, "platform/subject/variant/language/width"; `*` stands for any characters but "/". */
  readonly where: string;
  readonly check: CheckName;
  /** Only findings whose detail matches this, when given. */
  readonly detail?: RegExp;
  /** Why it is tolerated for now, and what removes it. */
  readonly why: string;
}

export interface Triage {
  /** "id: check: detail" of every finding no entry covers. */
  readonly unexpected: string[];
  /** Entries that match none of the findings. */
  readonly stale: KnownFinding[];
}

export function triage(pictures: readonly Picture[], known: readonly KnownFinding[]): Triage {
  const used = new Set<KnownFinding>();
  const unexpected: string[] = [];
  for (const picture of pictures) {
    for (const finding of picture.findings) {
      const entry = known.find(
        (candidate) =>
          candidate.check === finding.check &&
          pattern(candidate.where).test(picture.id) &&
          (!candidate.detail || candidate.detail.test(finding.detail)),
      );
      if (entry) used.add(entry);
      else unexpected.push(`${picture.id}: ${finding.check}: ${finding.detail}`);
    }
  }
  return { unexpected, stale: known.filter((entry) => !used.has(entry)) };
}

/** Whether an entry could cover any of these pictures at all (a Teams entry says nothing of Slack). */
export function concerns(entry: KnownFinding, pictures: readonly Picture[]): boolean {
  return pictures.some((picture) => pattern(entry.where).test(picture.id));
}

function pattern(where: string): RegExp {
  const parts = where
    .split('/')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'));
  return new RegExp(`^${parts.join('/')}$`);
}
