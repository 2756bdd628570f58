// SPDX-License-Identifier: Apache-2.0
// Kartla for Node.js: the participant-owned competence-mapping record, through the C ABI
// (libkartla.so.1). The typed messages of proto/kartla/v1 are in "kartla/v1".

import { c, libraryPath, ABI_VERSION } from "./native.js";

export { libraryPath };
export {
  KartlaError, InvalidArgumentError, ClosedError, FormatError, LimitError, VersionError, SignatureError,
  IntegrityError, AuthError, NotSharedError, ExpiredError, RollbackError, NotFoundError, SchemaError, IOError,
  BusyError, NoMemoryError, CryptoError, InternalError, Status, statusName,
} from "./errors.js";
export { wipe } from "./core.js";
export { Identity, cardFingerprint, describeCard, describeCardJson, agencyRoles } from "./identity.js";
export { Record, validateSection, validateSectionJson } from "./record.js";
export { Share } from "./share.js";
export { Verification } from "./verification.js";
export { sections, isSpecialCategory, sectionOf } from "./sections.js";
export * as experimental from "./experimental.js";

/** The library's version ("1.0.0"). */
export function version() {
  return c.kartla_version();
}

/** The library's ABI version (its SOVERSION); this binding needs ABI_VERSION. */
export function abiVersion() {
  return c.kartla_abi_version();
}

export { ABI_VERSION };
