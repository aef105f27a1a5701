// What our modals carry in private_metadata, checked on the way back in (Slack returns it verbatim,
// but it is still a wire payload).
import { z } from 'zod';

export const caseModalMetadata = z.object({ channel: z.string().min(1), language: z.string().default('en') });
export type CaseModalMetadata = z.infer<typeof caseModalMetadata>;

export const respondAtMetadata = z.object({
  caseId: z.string().min(1),
  channel: z.string(),
  ts: z.string().optional(),
  language: z.string().default('en'),
});
export type RespondAtMetadata = z.infer<typeof respondAtMetadata>;

/** The parsed metadata, or null when it is not what we put there. */
export function readMetadata<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
