import { AdoptionWarningCode } from '@koop/domain';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A doubt about an adoption that did not stop it being recorded; the adoption does not count where the doubt applies.',
})
export class AdoptionWarning {
  @Field(() => AdoptionWarningCode)
  code: AdoptionWarningCode;

  @Field({
    description: 'What is doubtful and what follows, in English; clients show their own text by code.',
  })
  message: string;
}

const MESSAGES: Record<AdoptionWarningCode, (phase: string) => string> = {
  [AdoptionWarningCode.PROJECT_NOT_LIVE]: (phase) =>
    `The service's project is in phase ${phase}, not LIVE, so the city can hardly run it live yet: check the stage. Until the project is live, this adoption does not count as live in the figures.`,
};

/** The warnings of `codes`, each with its message for a project in `phase`. */
export function warningsOf(codes: readonly AdoptionWarningCode[], phase: string): AdoptionWarning[] {
  return codes.map((code) => ({ code, message: MESSAGES[code](phase) }));
}

/** The warnings kept in a history row's `warnings` column (JSON); none when it holds none. */
export function storedWarnings(column: string | null): AdoptionWarning[] {
  if (!column) return [];
  const known = new Set<string>(Object.values(AdoptionWarningCode));
  const parsed = JSON.parse(column) as unknown;
  return Array.isArray(parsed)
    ? parsed.filter(
        (item): item is AdoptionWarning =>
          typeof item === 'object' && item !== null && known.has((item as AdoptionWarning).code),
      )
    : [];
}
