// What our modals carry in private_metadata, checked on the way back in (Slack returns it verbatim,
// but it is still a wire payload).
import { z } from 'zod';

export const caseModalMetadata = z.object({
  channel: z.string().min(1),
  language: z.string().default('en'),
  /** "More options" are open. */
  more: z.boolean().default(false),
  /** The channel's last case, where the customer's details came from ("2603…: VMs down"). */
  from: z.string().max(300).optional(),
  /** The values of the fields "More options" hides: a collapsed modal still submits them. */
  hidden: z.record(z.string().max(40), z.string().max(100)).default({}),
});
export type CaseModalMetadata = z.infer<typeof caseModalMetadata>;
/** What a new modal is written with (the defaults filled in when read back). */
export type CaseModalSetup = z.input<typeof caseModalMetadata>;

export const respondAtMetadata = z.object({
  caseId: z.string().min(1),
  channel: z.string(),
  ts: z.string().optional(),
  language: z.string().default('en'),
});
export type RespondAtMetadata = z.infer<typeof respondAtMetadata>;

/** A card action asked from the overflow menu that needs a confirmation or a choice first. */
export const actionModalMetadata = respondAtMetadata.extend({ action: z.string().min(1) });
export type ActionModalMetadata = z.infer<typeof actionModalMetadata>;

/** The parsed metadata, or null when it is not what we put there. */
export function readMetadata<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
