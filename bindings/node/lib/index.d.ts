// SPDX-License-Identifier: Apache-2.0
// Types of the Kartla Node binding (lib/index.js). Hand-written, checked by `tsc --noEmit` over a
// TypeScript use of the whole API (test/types-check.ts) in CI. The typed messages are generated:
// "kartla/v1" (gen/kartla/v1, @bufbuild/protobuf).

import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import type {
  AttestationReport, CardDescription, ContributionDescription, ProvenanceReport, ReceiptDescription,
  RevocationSummary, SectionList, ShareDescription, TrustListDescription, ValidationReport, VerificationReport,
} from "../gen/kartla/v1/index.js";

/** The path the library was loaded from (the packaged copy, $KARTLA_LIBRARY, or the system's). */
export declare const libraryPath: string;
/** The ABI version (SOVERSION) this binding needs. */
export declare const ABI_VERSION: number;
/** The library's version ("1.0.0"). */
export declare function version(): string;
export declare function abiVersion(): number;

// -- errors -----------------------------------------------------------------------------------

/** kartla_status: the values never change. */
export declare const Status: Readonly<{
  OK: 0; E_INVALID_ARGUMENT: 1; E_FORMAT: 2; E_LIMIT: 3; E_VERSION: 4; E_SIGNATURE: 5; E_INTEGRITY: 6;
  E_AUTH: 7; E_NOT_SHARED: 8; E_EXPIRED: 9; E_ROLLBACK: 10; E_NOT_FOUND: 11; E_SCHEMA: 12; E_IO: 13;
  E_BUSY: 14; E_NO_MEMORY: 15; E_CRYPTO: 16; E_INTERNAL: 17;
}>;
export type StatusName = keyof typeof Status;
/** The status's name ("E_FORMAT"); "UNKNOWN" for a code newer than this binding. */
export declare function statusName(status: number): StatusName | "UNKNOWN";

/** Every failure: the C status, its name as `code` ("KARTLA_E_NOT_SHARED") and the library's message. */
export declare class KartlaError extends Error {
  constructor(status: number, message: string);
  /** The kartla_status, a number. */
  readonly status: number;
  /** "KARTLA_" + the status name. */
  readonly code: `KARTLA_${StatusName | "UNKNOWN"}`;
  readonly statusName: StatusName | "UNKNOWN";
  /** The library's message (or the binding's, for a failure found before any C call). */
  readonly detail: string;
}
export declare class InvalidArgumentError extends KartlaError {}
/** A handle used after close(): found by the binding, never passed to the library. */
export declare class ClosedError extends InvalidArgumentError {}
export declare class FormatError extends KartlaError {}
export declare class LimitError extends KartlaError {}
export declare class VersionError extends KartlaError {}
export declare class SignatureError extends KartlaError {}
export declare class IntegrityError extends KartlaError {}
export declare class AuthError extends KartlaError {}
export declare class NotSharedError extends KartlaError {}
export declare class ExpiredError extends KartlaError {}
export declare class RollbackError extends KartlaError {}
export declare class NotFoundError extends KartlaError {}
export declare class SchemaError extends KartlaError {}
export declare class IOError extends KartlaError {}
export declare class BusyError extends KartlaError {}
export declare class NoMemoryError extends KartlaError {}
export declare class CryptoError extends KartlaError {}
export declare class InternalError extends KartlaError {}

/** Overwrites bytes the caller owns with zeros (a passphrase, a recovery code, a section read into). */
export declare function wipe(bytes: Uint8Array): void;

// -- handles ----------------------------------------------------------------------------------

/** A C handle: close() frees it and wipes its keys; any use afterwards is a ClosedError. */
declare abstract class Handle {
  protected constructor();
  close(): void;
  readonly closed: boolean;
  /** close(), for `using` (where Symbol.dispose exists: Node 20 defines it, as a polyfill). */
  [Symbol.dispose](): void;
}

export type PathLike = string | URL;

export interface IdentityOptions {
  /** Argon2id passes; 0 or undefined: the default (3). */
  kdfOpslimit?: number;
  /** Argon2id memory in MiB; 0 or undefined: the default (256). */
  kdfMemlimitMib?: number;
  /** Written into the card; undefined: now. */
  createdAt?: Date;
}

export interface AgencyInfo {
  name: string;
  /** Swedish NNNNNN-NNNN or Finnish Y-tunnus NNNNNNN-N. */
  organisationNumber: string;
  /** One of agencyRoles(). */
  role: string;
}

export interface NewIdentity {
  identity: Identity;
  /** Show it to the person once, then wipe() it: it is never stored. */
  recoveryCode: Uint8Array;
}

/** An unlocked identity. The Argon2id calls return Promises that run off the event loop. */
export declare class Identity extends Handle {
  static create(passphrase: Uint8Array, options?: IdentityOptions): Promise<NewIdentity>;
  static createSync(passphrase: Uint8Array, options?: IdentityOptions): NewIdentity;
  static createAgency(agency: AgencyInfo, passphrase: Uint8Array, options?: IdentityOptions): Promise<NewIdentity>;
  static createAgencySync(agency: AgencyInfo, passphrase: Uint8Array, options?: IdentityOptions): NewIdentity;
  /** Experimental: a trust root, which signs trust lists. */
  static createTrustRoot(name: string, passphrase: Uint8Array, options?: IdentityOptions): Promise<NewIdentity>;
  static createTrustRootSync(name: string, passphrase: Uint8Array, options?: IdentityOptions): NewIdentity;
  static open(file: Uint8Array, passphrase: Uint8Array): Promise<Identity>;
  static openSync(file: Uint8Array, passphrase: Uint8Array): Identity;
  static openFile(path: PathLike, passphrase: Uint8Array): Promise<Identity>;
  static openFileSync(path: PathLike, passphrase: Uint8Array): Identity;
  static recover(file: Uint8Array, recoveryCode: Uint8Array): Promise<Identity>;
  static recoverSync(file: Uint8Array, recoveryCode: Uint8Array): Identity;
  static recoverFile(path: PathLike, recoveryCode: Uint8Array): Promise<Identity>;
  static recoverFileSync(path: PathLike, recoveryCode: Uint8Array): Identity;
  /** Argon2id: blocks for as long as an unlock. */
  setPassphrase(passphrase: Uint8Array): void;
  save(path: PathLike, options?: { createOnly?: boolean }): void;
  fileBytes(): Uint8Array;
  readonly card: Uint8Array;
  readonly fingerprint: string;
  useStateFolder(folder: PathLike): void;
}

export declare function cardFingerprint(card: Uint8Array): string;
export declare function describeCard(card: Uint8Array): CardDescription;
export declare function describeCardJson(card: Uint8Array): string;
export declare function agencyRoles(): string[];

export interface RecordOpenOptions {
  /** Accept a copy older than one this identity has seen. */
  acceptOlder?: boolean;
  lastSeen?: number | bigint;
}

export interface ShareOptions {
  purpose: string;
  expiresAt?: Date;
  now?: Date;
  /** "6.1.a" to "6.1.f"; undefined: "6.1.a". */
  gdprArt6Basis?: string;
  /** "9.2.a" to "9.2.j": required for health data. */
  gdprArt9Basis?: string;
}

/** A kartla.v1 message schema of a section's content (ProfileSchema, LanguagesSchema, ...). */
export type SectionSchema = DescMessage;

/** The owner's record. Changes reach the disk with save(). */
export declare class Record extends Handle {
  static create(owner: Identity): Record;
  static open(bytes: Uint8Array, owner: Identity, options?: RecordOpenOptions): Record;
  static openFile(path: PathLike, owner: Identity, options?: RecordOpenOptions): Record;
  save(path: PathLike): void;
  setClock(now?: Date): void;
  readonly id: string;
  readonly sequence: number | bigint;
  sections(): SectionList;
  sectionsJson(): string;
  hasSection(section: string): boolean;
  setSection(section: string, content: Uint8Array): void;
  setSectionJson(section: string, json: string | Uint8Array): void;
  setMessage<D extends SectionSchema>(schema: D, message: MessageShape<D>): void;
  section(section: string): Uint8Array;
  sectionJson(section: string): string;
  read<D extends SectionSchema>(schema: D): MessageShape<D>;
  sectionSize(section: string): number;
  sectionInto(section: string, into: Uint8Array): number;
  removeSection(section: string): void;
  share(card: Uint8Array, sections: string[], options: ShareOptions): string;
  isSpecial(section: string): boolean;
  exportBundle(grantId: string, path: PathLike): void;
  revoke(card: Uint8Array, now?: Date): RevocationSummary;
}

export declare function validateSection(section: string, content: Uint8Array): ValidationReport;
export declare function validateSectionJson(section: string, json: string | Uint8Array): ValidationReport;

/** What an agency can read of a bundle or record file. `at` undefined: now. */
export declare class Share extends Handle {
  static open(bytes: Uint8Array, agency: Identity): Share;
  static openFile(path: PathLike, agency: Identity): Share;
  section(section: string, at?: Date): Uint8Array;
  sectionJson(section: string, at?: Date): string;
  read<D extends SectionSchema>(schema: D, at?: Date): MessageShape<D>;
  sectionSize(section: string, at?: Date): number;
  sectionInto(section: string, into: Uint8Array, at?: Date): number;
  describe(): ShareDescription;
  describeJson(): string;
  readonly sequence: number | bigint;
  checkLastSeen(lastSeen: number | bigint): void;
  checkOwner(card: Uint8Array): void;
}

/** A record or bundle verified without keys. */
export declare class Verification extends Handle {
  static open(bytes: Uint8Array): Verification;
  static openFile(path: PathLike): Verification;
  readonly sequence: number | bigint;
  readonly recordId: string;
  readonly ownerFingerprint: string;
  readonly previousHash: string;
  report(): VerificationReport;
  reportJson(): string;
  checkLastSeen(lastSeen: number | bigint): void;
}

export declare function sections(): string[];
export declare function isSpecialCategory(section: string): boolean;
export declare function sectionOf(schema: SectionSchema): string;

// -- experimental -----------------------------------------------------------------------------

export interface EntryRef {
  ownerCard: Uint8Array;
  recordId: string;
  section: string;
  entryId: string;
  /** The entry's exact bytes (experimental.sectionEntry). */
  entry: Uint8Array;
}

export interface AttestationCheck {
  /** 0 for a valid attestation (trusted or not: report.verdict), else the class of the first failed check. */
  status: number;
  statusName: StatusName | "UNKNOWN";
  report: AttestationReport;
}

declare class TrustDraft extends Handle {
  static create(sequence: number | bigint): TrustDraft;
  static next(trustList: Uint8Array): TrustDraft;
  add(card: Uint8Array, role: string, validFrom: Date, validUntil?: Date): void;
  remove(card: Uint8Array): boolean;
  readonly sequence: number | bigint;
}

/** The experimental tier: may change between minor versions. */
export declare namespace experimental {
  export { TrustDraft };
  export function sectionEntry(section: string, content: Uint8Array, entryId: string): Uint8Array;
  export function issueAttestation(agency: Identity, ref: EntryRef, claimJson: string,
    options?: { issuedAt?: Date; expiresAt?: Date }): Uint8Array;
  export function verifyAttestation(attestation: Uint8Array, ref: EntryRef,
    options?: { trustList?: Uint8Array; now?: Date }): AttestationCheck;
  export function attachAttestation(record: Record, owner: Identity, attestation: Uint8Array, options?: { now?: Date }): boolean;
  export function recordProvenance(record: Record, owner: Identity, section: string,
    options?: { trustList?: Uint8Array; now?: Date }): ProvenanceReport;
  export function shareProvenance(share: Share, section: string,
    options?: { trustList?: Uint8Array; now?: Date }): ProvenanceReport;
  export function createContribution(agency: Identity, ownerCard: Uint8Array, recordId: string, section: string,
    entryJson: string | Uint8Array, options?: { claimJson?: string; now?: Date }): Uint8Array;
  export function describeContribution(owner: Identity, contribution: Uint8Array,
    options?: { recordId?: string; now?: Date }): ContributionDescription;
  export function acceptContribution(record: Record, owner: Identity, contribution: Uint8Array, options?: { now?: Date }): boolean;
  export function recordReceipt(record: Record, grantId: string): Uint8Array;
  export function describeReceipt(receipt: Uint8Array,
    options?: { ownerCard?: Uint8Array; agencyCard?: Uint8Array }): ReceiptDescription;
  export function signTrustList(root: Identity, draft: TrustDraft, options: { issuedAt?: Date; expiresAt: Date }): Uint8Array;
  export function verifyTrustList(trustList: Uint8Array,
    options?: { expectedRootCard?: Uint8Array; lastSeen?: number | bigint; now?: Date }): TrustListDescription;
}

// Only what is marked `export` above is exported (Handle and TrustDraft are reached through
// their subclasses and the experimental namespace).
export {};
