// SPDX-License-Identifier: Apache-2.0
// The reading vectors of tests/vectors/ through the .NET binding: the same checks as
// tests/vectors/check_library.cpp (the reference reader through the C ABI) for identity.json,
// record.json, negative.json, bundle.json, bundle_negative.json, attest.json,
// attest_negative.json and receipt.json, and those of tests/vectors/check_library_content.cpp for
// content.json. A negative vector must give exactly its status class; a content vector exactly its
// violations.
// Results are compared as protobuf JSON (every field present, 64-bit integers as strings).
using System;
using System.Collections.Generic;
using System.Linq;
using Kartla;
using Kartla.Experimental;
using NUnit.Framework;

namespace Kartla.Tests
{
    [TestFixture]
    public class VectorsTest
    {
        private Json _identity, _bundle, _attest;
        private Identity _owner;
        private readonly Dictionary<string, Identity> _agencies = new Dictionary<string, Identity>();

        private static DateTimeOffset? AtOrNow(long unix) { return unix == 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeSeconds(unix); }

        [TestFixtureSetUp]
        public void OpenIdentities()
        {
            _identity = Repo.Load("tests/vectors/identity.json");
            _bundle = Repo.Load("tests/vectors/bundle.json");
            _attest = Repo.Load("tests/vectors/attest.json");
            // The owner of record.json (Argon2id at 64 MiB: opened once).
            _owner = Identity.Open(_identity["identity_file"].Hex, Support.Utf8(_identity["passphrase"].Str));
            foreach (Json a in _bundle["agencies"].Array)
                _agencies[a["label"].Str] = Identity.Open(a["identity_file"].Hex, Support.Utf8(a["passphrase"].Str));
        }

        [TestFixtureTearDown]
        public void CloseIdentities()
        {
            _owner.Dispose();
            foreach (var a in _agencies.Values) a.Dispose();
        }

        // The vectors hold two versions of one record and many owner-signed variants of each, every
        // file judged on its own: an older copy or a fork is accepted rather than refused as a rollback.
        private Record OpenOwned(byte[] file)
        {
            return Record.Open(file, _owner, new RecordOpenOptions { AcceptOlder = true });
        }

        // The report against the vector's report text (SPEC §8): the same facts.
        private static void CheckVerificationReport(string reportJson, string expectedJson)
        {
            Json r = Json.Parse(reportJson), e = Json.Parse(expectedJson);
            foreach (string text in new[] { "record_id", "owner_fingerprint", "previous_manifest_hash", "kind" })
                Assert.AreEqual(e[text].Str, r[text].Str, text);
            foreach (string number in new[] { "sequence", "sections_listed", "sections_present", "section_bytes", "grants_listed", "grants_present", "file_bytes" })
                Assert.AreEqual(e[number].Integer, r[number].Integer, number);
        }

        [Test]
        public void Identity_OpensWithItsPassphraseAndShowsItsCardAndFingerprint()
        {
            // Opened afresh: the shared owner remembers the record versions other tests opened,
            // which its file bytes then carry (SPEC §8.1).
            using (var owner = Identity.Open(_identity["identity_file"].Hex, _identity["passphrase"].Str.ToCharArray()))
            {
                Assert.AreEqual(_identity["card_file"].Hex, owner.Card());
                Assert.AreEqual(_identity["fingerprint"].Str, owner.Fingerprint());
                // Opening and re-encoding must not change a single byte of the file.
                Assert.AreEqual(_identity["identity_file"].Hex, owner.FileBytes());
            }
            Assert.AreEqual(_identity["fingerprint"].Str, Library.CardFingerprint(_identity["card_file"].Hex));
        }

        [Test]
        public void Identity_EveryListedSpellingOfTheRecoveryCodeUnlocksTheSameIdentity()
        {
            byte[] file = _identity["identity_file"].Hex;
            foreach (Json variant in _identity["recovery_code_variants"].Array)
            {
                string code = variant["code"].Str;
                Identity recovered = null;
                string status = Support.StatusOf(() => recovered = Identity.Recover(file, code.ToCharArray()));
                Assert.AreEqual(variant["result"].Str, status, variant["comment"].Str + ": \"" + code + "\"");
                using (recovered) Assert.AreEqual(_identity["card_file"].Hex, recovered.Card());
            }
        }

        [Test]
        public void Record_EachVersionVerifiesWithoutAKeyAndReportsWhatTheVectorSays()
        {
            Json doc = Repo.Load("tests/vectors/record.json");
            foreach (Json version in doc["versions"].Array)
            {
                using (var v = Verification.Open(version["file"].Hex))
                {
                    Assert.AreEqual(version["sequence"].ULong, v.Sequence());
                    Assert.AreEqual(version["record_id"].Str, v.RecordId());
                    Assert.AreEqual(doc["owner"]["fingerprint"].Str, v.OwnerFingerprint());
                    Assert.AreEqual(version["previous_manifest_hash"].Str, v.PreviousHash());
                    CheckVerificationReport(v.ReportJson(), version["verification_json"].Str);
                    // The protobuf encoding of the same report (VerificationReport: sequence = 3, file_bytes = 11).
                    var wire = new Wire(v.ReportProtobuf());
                    Assert.AreEqual(version["sequence"].ULong, wire.Number(3));
                    Assert.AreEqual((ulong)Json.Parse(version["verification_json"].Str)["file_bytes"].Integer, wire.Number(11));
                    foreach (Json check in version["last_seen_checks"].Array)
                        Assert.AreEqual(check["result"].Str, Support.StatusOf(() => v.CheckLastSeen(check["last_seen"].ULong)),
                                        "last seen " + check["last_seen"].Text);
                }
            }
        }

        [Test]
        public void Record_TheOwnerReadsBackExactlyThePlaintextOfEverySection()
        {
            Json doc = Repo.Load("tests/vectors/record.json");
            foreach (Json version in doc["versions"].Array)
            {
                using (var record = OpenOwned(version["file"].Hex))
                {
                    Assert.AreEqual(version["record_id"].Str, record.Id());
                    Assert.AreEqual(version["sequence"].ULong, record.Sequence());
                    int held = Library.SectionNames.Count(record.HasSection);
                    Assert.AreEqual(version["sections"].Count, held);
                    foreach (Json section in version["sections"].Array)
                    {
                        string name = section["name"].Str;
                        byte[] expected = section["content"].Hex;
                        Assert.AreEqual(expected, record.Section(name), name);
                        int size = record.SectionSize(name);
                        Assert.AreEqual(section["ciphertext_length"].Long - 40, size, name);  // the padded length (SPEC 5.4)
                        var mine = new byte[size];
                        int used = record.SectionInto(name, mine);
                        Assert.AreEqual(expected, mine.Take(used).ToArray(), name + " into");
                    }
                }
            }
        }

        // One check of negative.json or bundle_negative.json; its status name.
        private string RunCheck(byte[] input, Json check)
        {
            string op = check["operation"].Str;
            switch (op)
            {
                case "verify":
                    return Support.StatusOf(() => Verification.Open(input).Dispose());
                case "open_record":
                    return Support.StatusOf(() => OpenOwned(input).Dispose());
                case "read_section":
                {
                    Record record = OpenOwned(input);  // must open
                    using (record) return Support.StatusOf(() => record.Section(check["section"].Str));
                }
                case "open_identity":
                    return Support.StatusOf(() => Identity.Open(input, Support.Utf8(check["passphrase"].Str)).Dispose());
                case "recover_identity":
                    return Support.StatusOf(() => Identity.Recover(input, check["recovery_code"].Str.ToCharArray()).Dispose());
                case "card_fingerprint":
                    return Support.StatusOf(() => Library.CardFingerprint(input));
                case "open_share":
                    return Support.StatusOf(() => Share.Open(input, _agencies[check["agency"].Str]).Dispose());
                case "read_share_section":
                {
                    Share share = Share.Open(input, _agencies[check["agency"].Str]);  // must open
                    using (share) return Support.StatusOf(() => share.Section(check["section"].Str, AtOrNow(check["at"].Long)));
                }
                default:
                    Assert.Fail("unknown operation " + op);
                    return null;
            }
        }

        private void RunNegativeFile(string name)
        {
            Json doc = Repo.Load("tests/vectors/" + name);
            Assert.Greater(doc["vectors"].Count, 0);
            int checks = 0;
            foreach (Json vector in doc["vectors"].Array)
            {
                byte[] input = vector["input"].Hex;
                foreach (Json check in vector["checks"].Array)
                {
                    string where = "tc_id " + vector["tc_id"].Text + " " + vector["name"].Str + ": " + check["operation"].Str +
                                   (check.Has("section") ? " " + check["section"].Str : "");
                    string status;
                    try
                    {
                        status = RunCheck(input, check);
                    }
                    catch (KartlaException e)
                    {
                        Assert.Fail(where + ": the file must open before its section is read: " + e.Message);
                        throw;
                    }
                    Assert.AreEqual(check["result"].Str, status, where);
                    checks++;
                }
            }
            Assert.Greater(checks, 0);
        }

        [Test]
        public void Negative_EveryCheckGivesExactlyTheStatusTheVectorNames()
        {
            RunNegativeFile("negative.json");
        }

        [Test]
        public void BundleNegative_EveryCheckGivesExactlyTheStatusTheVectorNames()
        {
            RunNegativeFile("bundle_negative.json");
        }

        [Test]
        public void Bundle_TheAgenciesIdentitiesOpenAndShowTheirCardsAndFingerprints()
        {
            foreach (Json a in _bundle["agencies"].Array)
            {
                Identity id = _agencies[a["label"].Str];
                Assert.AreEqual(a["card_file"].Hex, id.Card());
                Assert.AreEqual(a["fingerprint"].Str, id.Fingerprint());
            }
        }

        [Test]
        public void Bundle_TheRecordTheBundleAndTheEndedRecordsVerifyWithTheReportsTheVectorGives()
        {
            foreach (string input in new[] { "record", "bundle", "revoked", "expired" })
            {
                Json v = _bundle[input];
                using (var verification = Verification.Open(v["file"].Hex))
                {
                    CheckVerificationReport(verification.ReportJson(), v["verification_json"].Str);
                    Assert.AreEqual(v["sequence"].ULong, verification.Sequence(), input);
                }
            }
        }

        [Test]
        public void Bundle_EachAgencySeesItsGrantsPurposeAndGdprBasesAsTheGrantVectorsGiveThem()
        {
            byte[] file = _bundle["record"]["file"].Hex;
            foreach (Json g in _bundle["record"]["grants"].Array)
            {
                string label = g["recipient"].Str;
                using (var share = Share.Open(file, _agencies[label]))
                {
                    Json described = Json.Parse(share.DescribeJson())["grants"];
                    Json terms = g["terms_fields"];
                    Assert.AreEqual(terms["sections"].Count, described.Count, label);
                    for (int i = 0; i < described.Count; i++)
                    {
                        Json d = described[i];
                        Assert.AreEqual(terms["sections"][i]["name"].Str, d["section"].Str);
                        foreach (string text in new[] { "purpose", "gdpr_art6_basis", "gdpr_art9_basis" }) Assert.AreEqual(terms[text].Str, d[text].Str, text);
                        Assert.AreEqual(terms["granted_at"].Integer, d["granted_at"].Integer);
                        Assert.AreEqual(terms["expires_at"].Integer, d["expires_at"].Integer);
                        Assert.IsTrue(d["present"].Bool);
                        Assert.IsTrue(d["current"].Bool);
                    }
                }
            }
        }

        [Test]
        public void Bundle_TheBundleIsPinnedToIdentityJsonsOwner()
        {
            using (var share = Share.Open(_bundle["bundle"]["file"].Hex, _agencies["agency_a"]))
            {
                share.CheckOwner(_owner.Card());
                Support.Expect(Status.InvalidArgument, () => share.CheckOwner(_agencies["agency_b"].Card()));
            }
        }

        [Test]
        public void Bundle_EveryListedReadGivesItsResultAndPlaintext()
        {
            Assert.Greater(_bundle["reads"].Count, 0);
            foreach (Json r in _bundle["reads"].Array)
            {
                string where = r["input"].Str + ": " + r["agency"].Str + " reads " + r["section"].Str + " at " + r["at"].Text + " (" + r["comment"].Str + ")";
                byte[] plaintext = null;
                using (var share = Share.Open(_bundle[r["input"].Str]["file"].Hex, _agencies[r["agency"].Str]))
                {
                    string status = Support.StatusOf(() => plaintext = share.Section(r["section"].Str, AtOrNow(r["at"].Long)));
                    Assert.AreEqual(r["result"].Str, status, where);
                    if (status == "OK") Assert.AreEqual(r["content"].Hex, plaintext, where);
                }
            }
        }

        // ---- attest.json and attest_negative.json (SPEC §13) ----------------------------------------

        private Json Labelled(string key, string label)
        {
            return _attest[key].Array.Single(n => n["label"].Str == label);
        }

        private byte[] TrustListNamed(Json negativeDoc, string label)
        {
            if (label == "") return null;
            if (label == "input_list") return negativeDoc["foreign_trust_list"].Hex;
            return Labelled("trust_lists", label)["file"].Hex;
        }

        // verify_attestation: the status, and verdict and finding when a report is made.
        private void CheckAttestation(byte[] file, Json check, Json doc)
        {
            var reference = new EntryRef
            {
                OwnerCard = Labelled("owners", check["owner"].Str)["card_file"].Hex,
                RecordId = check["record_id"].Str,
                Section = check["section"].Str,
                EntryId = check["entry_id"].Str,
                Entry = check["entry"].Hex,
            };
            byte[] list = TrustListNamed(doc, check["trust_list"].Str);
            string where = check["comment"].Str;
            AttestationCheck result = null;
            string thrown = Support.StatusOf(() => result = Attestations.VerifyJson(file, reference, list, AtOrNow(check["now"].Long)));
            if (check["verdict"].Str == "")
            {
                // No report: the failure is thrown.
                Assert.IsNull(result, where);
                Assert.AreEqual(check["result"].Str, thrown, where);
                return;
            }
            Assert.IsNotNull(result, where + ": " + thrown);
            Assert.AreEqual(check["result"].Str, result.StatusName, where);
            Json report = Json.Parse(result.ReportJson);
            Assert.AreEqual(check["verdict"].Str, report["verdict"].Str, where);
            Assert.AreEqual(check["finding"].Str, report["finding"].Str, where);
            // The report names the entry the attestation itself names, once it decoded.
            if (check["verdict"].Str != "invalid") Assert.AreEqual(check["entry_id"].Str, report["entry_id"].Str, where);
            // The same judgement as protobuf (AttestationReport: verdict = 1, finding = 2).
            var wire = new Wire(Attestations.VerifyProtobuf(file, reference, list, AtOrNow(check["now"].Long)).ReportProtobuf);
            Assert.AreEqual(check["verdict"].Str, wire.String(1), where);
        }

        private string VerifyList(byte[] file, Json check)
        {
            string expected = check["expected_root"].Str;
            byte[] root = expected == "" ? null : Labelled("roots", expected)["card_file"].Hex;
            return Support.StatusOf(() => TrustLists.VerifyJson(file, root, check["last_seen"].ULong, AtOrNow(check["now"].Long)));
        }

        [Test]
        public void Attest_TheAttestationGivesTheListedVerdictAtEachTimeWithAndWithoutTheTrustList()
        {
            byte[] file = _attest["attestation"]["file"].Hex;
            foreach (Json check in _attest["attestation_checks"].Array) CheckAttestation(file, check, _attest);
        }

        [Test]
        public void Attest_TheTrustListsVerifyAsListedAndNameTheAgencyWithItsValidity()
        {
            foreach (Json check in _attest["trust_list_checks"].Array)
                Assert.AreEqual(check["result"].Str, VerifyList(Labelled("trust_lists", check["input"].Str)["file"].Hex, check), check["comment"].Str);
            byte[] current = Labelled("trust_lists", "current")["file"].Hex;
            long now = _attest["trust_list_checks"][0]["now"].Long;
            Json parsed = Json.Parse(TrustLists.VerifyJson(current, null, 0, AtOrNow(now)));
            Assert.Greater(parsed["agencies"].Count, 0);
            Json listed = parsed["agencies"][0];
            Json fields = Labelled("trust_lists", "current")["fields"]["agencies"][0];
            Assert.AreEqual(_attest["agency"]["fingerprint"].Str, listed["fingerprint"].Str);
            Assert.AreEqual(fields["valid_from"].Integer, listed["valid_from"].Integer);
            Assert.AreEqual(fields["valid_until"].Integer, listed["valid_until"].Integer);
            Assert.AreEqual(Labelled("roots", "root")["fingerprint"].Str, parsed["root"]["fingerprint"].Str);
        }

        [Test]
        public void Attest_TheOwnerOpensTheContributionSeesItsSenderAndAcceptsItIntoTheRecord()
        {
            Json c = _attest["contribution"];
            byte[] file = c["file"].Hex;
            foreach (Json check in _attest["contribution_checks"].Array)
            {
                string where = check["comment"].Str;
                DateTimeOffset? now = AtOrNow(check["now"].Long);
                if (check["operation"].Str == "describe_contribution")
                {
                    string recordId = check["record_id"].Str == "" ? null : check["record_id"].Str;
                    string json = null;
                    string status = Support.StatusOf(() => json = Contributions.DescribeJson(_owner, file, recordId, now));
                    Assert.AreEqual(check["result"].Str, status, where);
                    if (status != "OK") continue;
                    Json parsed = Json.Parse(json);
                    Assert.AreEqual(c["entry_id"].Str, parsed["entry_id"].Str);
                    Assert.AreEqual(_attest["record"]["record_id"].Str, parsed["record_id"].Str);
                    Assert.AreEqual(_attest["agency"]["fingerprint"].Str, parsed["sender"]["fingerprint"].Str);
                    continue;
                }
                Assert.AreEqual("accept_contribution", check["operation"].Str);
                using (var record = OpenOwned(_attest["record"]["file"].Hex))
                {
                    bool added = false;
                    string status = Support.StatusOf(() => added = record.AcceptContribution(_owner, file, now));
                    Assert.AreEqual(check["result"].Str, status, where);
                    Assert.AreEqual(check["added"].Long, added ? 1 : 0, where);
                    byte[] entry = Attestations.SectionEntry("competences", record.Section("competences"), c["entry_id"].Str);
                    Assert.AreEqual(c["fields"]["entry"].Hex, entry);
                    Assert.IsFalse(record.AcceptContribution(_owner, file, now));  // accepting twice changes nothing (SPEC §13.5 step 1)
                }
            }
        }

        [Test]
        public void Attest_EachListedEntryIsTheExactBytesInsideTheSectionContent()
        {
            Json record = _attest["record"];
            byte[] content = record["content"].Hex;
            foreach (Json e in record["entries"].Array)
                Assert.AreEqual(e["entry"].Hex, Attestations.SectionEntry("competences", content, e["entry_id"].Str));
        }

        [Test]
        public void AttestNegative_EveryCheckGivesExactlyTheStatusVerdictAndFindingTheVectorNames()
        {
            Json doc = Repo.Load("tests/vectors/attest_negative.json");
            foreach (Json v in doc["vectors"].Array)
            {
                byte[] input = v["input"].Hex;
                foreach (Json check in v["checks"].Array)
                {
                    string where = v["name"].Str + " / " + check["comment"].Str;
                    string op = check["operation"].Str;
                    DateTimeOffset? now = check.Has("now") ? AtOrNow(check["now"].Long) : null;
                    if (op == "verify_attestation")
                    {
                        CheckAttestation(input, check, doc);
                    }
                    else if (op == "verify_trust_list")
                    {
                        Assert.AreEqual(check["result"].Str, VerifyList(input, check), where);
                    }
                    else if (op == "describe_contribution")
                    {
                        string recordId = check["record_id"].Str == "" ? null : check["record_id"].Str;
                        Assert.AreEqual(check["result"].Str, Support.StatusOf(() => Contributions.DescribeJson(_owner, input, recordId, now)), where);
                    }
                    else if (op == "accept_contribution")
                    {
                        // Into attest.json's record, as its owner; a refused contribution leaves the section as it was.
                        using (var record = OpenOwned(_attest["record"]["file"].Hex))
                        {
                            bool added = false;
                            string status = Support.StatusOf(() => added = record.AcceptContribution(_owner, input, now));
                            Assert.AreEqual(check["result"].Str, status, where);
                            Assert.AreEqual(check["added"].Long, added ? 1 : 0, where);
                            if (status != "OK") Assert.AreEqual(_attest["record"]["content"].Hex, record.Section("competences"), where);
                        }
                    }
                    else if (op == "verify_record")
                    {
                        Assert.AreEqual(check["result"].Str, Support.StatusOf(() => Verification.Open(input).Dispose()), where);
                    }
                    else
                    {
                        Assert.Fail("unknown operation " + op);
                    }
                }
            }
        }

        // ---- receipt.json (SPEC §7.6) ---------------------------------------------------------------

        [Test]
        public void Receipt_EachReceiptVerifiesPinnedAndDescribesTheFieldsTheVectorGives()
        {
            Json doc = Repo.Load("tests/vectors/receipt.json");
            byte[] ownerCard = doc["owner"]["card_file"].Hex;
            foreach (Json r in doc["receipts"].Array)
            {
                string where = r["name"].Str;
                byte[] agencyCard = doc["agency_cards"][r["agency"].Str].Hex;
                Json d = Json.Parse(Receipts.DescribeJson(r["file"].Hex, ownerCard, agencyCard));
                Json f = r["fields"];
                Assert.AreEqual(f["kind"].Long == 1 ? "grant" : "termination", d["kind"].Str, where);
                foreach (string text in new[] { "record_id", "grant_id", "agency_name", "purpose", "gdpr_art6_basis", "gdpr_art9_basis", "manifest_hash" })
                    Assert.AreEqual(f[text].Str, d[text].Str, where + " " + text);
                Assert.AreEqual(r["owner_fingerprint"].Str, d["owner_fingerprint"].Str, where);
                Assert.AreEqual(r["agency_fingerprint"].Str, d["agency_fingerprint"].Str, where);
                CollectionAssert.AreEqual(f["sections"].Strings, d["sections"].Strings, where);
                foreach (string number in new[] { "granted_at", "expires_at", "ended_at", "sequence" })
                    Assert.AreEqual(f[number].Integer, d[number].Integer, where + " " + number);
                long reason = f["end_reason"].Long;
                Assert.AreEqual(reason == 1 ? "revoked" : reason == 2 ? "expired" : "", d["end_reason"].Str, where);
            }
            foreach (Json v in doc["negative"].Array)
            {
                string where = v["name"].Str + ": " + v["comment"].Str;
                string status = Support.StatusOf(() => Receipts.DescribeJson(v["input"].Hex, v["owner_card"].Hex, v["agency_card"].Hex));
                Assert.AreEqual(v["result"].Str, status, where);
            }
        }

        // ---- content.json (docs/MODEL.md, Validation rules) ----------------------------------------

        // Violations as content.json names them: "field path: rule id", in order.
        private static List<string> Violations(Json list)
        {
            return list.Array.Select(v => v["field"].Str + ": " + v["rule"].Str).ToList();
        }

        // Why one vector's content, validated through Library.ValidateSection, disagrees with the
        // vector; null when it agrees.
        private static string ContentMismatch(Json v)
        {
            string section = v["section"].Str;
            bool valid = v["valid"].Bool;
            List<string> expected = Violations(v["violations"]);
            // The file's own promise, so that a vector cannot contradict itself unnoticed.
            if (valid != (expected.Count == 0)) return "the vector says valid " + valid + " with " + expected.Count + " violations";
            ValidationResult result;
            try
            {
                result = Library.ValidateSection(section, v["content"].Hex);
            }
            catch (KartlaException e)
            {
                return "ValidateSection threw " + e.Status + ": " + e.Message;
            }
            Json report = Json.Parse(result.ReportJson);
            List<string> found = Violations(report["violations"]);
            bool agrees = report["section"].Str == section && result.IsValid == valid && report["valid"].Bool == valid
                && found.SequenceEqual(expected) && (result.Message.Length == 0) == valid;
            if (agrees) return null;
            return "section " + report["section"].Str + ", valid " + result.IsValid + ", violations [" + string.Join("; ", found)
                + "], message \"" + result.Message + "\"; expected section " + section + ", valid " + valid + ", violations ["
                + string.Join("; ", expected) + "]";
        }

        [Test]
        public void Content_EveryVectorGivesExactlyItsViolations()
        {
            List<Json> vectors = Repo.Load("tests/vectors/content.json")["vectors"].Array.ToList();
            Assert.Greater(vectors.Count, 0, "content.json holds no vectors");
            var wrong = new List<string>();
            foreach (Json v in vectors)
            {
                string why = ContentMismatch(v);
                if (why != null) wrong.Add("tc_id " + v["tc_id"].Long + " " + v["name"].Str + " (" + v["comment"].Str + "): " + why);
            }
            Assert.AreEqual(0, wrong.Count, "content.json: " + wrong.Count + " of " + vectors.Count + " vectors disagree:\n" + string.Join("\n", wrong));
            Console.WriteLine("content.json: " + vectors.Count + " vectors, each with exactly its violations");
        }
    }
}
