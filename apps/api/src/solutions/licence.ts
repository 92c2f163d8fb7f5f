import { createRequire } from 'node:module';
import { PROPRIETARY_LICENCE } from '@koop/domain';

const require = createRequire(import.meta.url);

/**
 * Every SPDX licence identifier, current and deprecated, by its lower-case form. The list comes from the
 * maintained `spdx-license-ids` package (the SPDX licence list as data). Deprecated identifiers such as
 * `GPL-2.0` are accepted too: older repositories and EfA documents still state them, and refusing a licence
 * a solution really carries would only push people to `proprietary`.
 */
const IDENTIFIERS: ReadonlyMap<string, string> = new Map(
  [
    ...(require('spdx-license-ids') as string[]),
    ...(require('spdx-license-ids/deprecated.json') as string[]),
  ].map((id) => [id.toLowerCase(), id]),
);

/**
 * The canonical spelling of a licence (SPDX identifiers match without regard to case, as the SPDX
 * specification says), or null when it is neither an SPDX identifier nor `proprietary`. One identifier
 * only: a solution under several licences names the one a reusing city takes it under.
 */
export function canonicalLicence(licence: string): string | null {
  const key = licence.trim().toLowerCase();
  if (key === PROPRIETARY_LICENCE) {
    return PROPRIETARY_LICENCE;
  }
  return IDENTIFIERS.get(key) ?? null;
}
