// SPDX-License-Identifier: Apache-2.0
// A TypeScript program using the API through the shipped declarations: `tsc --noEmit` must accept
// it (test/example.test.js runs tsc). It is type-checked, not run; the calls marked as expected
// errors must be refused, so the declarations are checked to be strict, not `any`.

import {
  Identity, Share, Record, Verification, KartlaError, NotSharedError, Status, experimental, wipe, type NewIdentity,
} from "kartla";
import { LanguagesSchema, type Languages, type ShareDescription } from "kartla/v1";

export async function agency(bundle: string, idFile: string, passphrase: Uint8Array): Promise<Languages> {
  const agency: Identity = await Identity.openFile(idFile, passphrase);
  wipe(passphrase);
  using share = Share.openFile(bundle, agency);
  const described: ShareDescription = share.describe();
  const sections: string[] = described.grants.map((g) => g.section);
  const at: Date = new Date();
  try {
    return share.read(LanguagesSchema, at);
  } catch (e) {
    if (e instanceof NotSharedError && e.status === Status.E_NOT_SHARED) throw new Error(sections.join(","));
    if (e instanceof KartlaError) console.error(e.code, e.statusName, e.detail);
    throw e;
  } finally {
    agency.close();
  }
}

export async function owner(passphrase: Uint8Array): Promise<string> {
  const created: NewIdentity = await Identity.create(passphrase, { kdfMemlimitMib: 64, kdfOpslimit: 3 });
  wipe(created.recoveryCode);
  const record = Record.create(created.identity);
  record.setClock(new Date());
  record.setSectionJson("profile", "{}");
  const bytes: Uint8Array = record.section("profile");
  const languages: Languages = record.read(LanguagesSchema);
  record.setMessage(LanguagesSchema, languages);
  const grant: string = record.share(created.identity.card, ["profile"], { purpose: "x", expiresAt: new Date() });
  const v = Verification.open(bytes);
  const seq: number | bigint = v.sequence;
  const ref = { ownerCard: created.identity.card, recordId: record.id, section: "profile", entryId: "e", entry: bytes };
  const judged = experimental.verifyAttestation(bytes, ref, { now: new Date() });
  const verdict: string = judged.report.verdict;
  // @ts-expect-error: a passphrase is bytes, never a string (a string cannot be wiped)
  await Identity.open(bytes, "passphrase");
  // @ts-expect-error: times are Dates
  record.setClock(1767225600);
  // @ts-expect-error: a share is opened with an identity, not a record
  Share.open(bytes, record);
  return `${grant} ${seq} ${verdict}`;
}
