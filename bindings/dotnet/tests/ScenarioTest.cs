// SPDX-License-Identifier: Apache-2.0
// The shared binding scenario (tests/bindings/README.md) run through the .NET binding, as
// tests/bindings/cpp/scenario_test.cpp runs it through kartla.hpp. It reads its data from
// tests/bindings/scenario.json; each step is marked with its id. Structured results are read as
// their protobuf JSON (bindings/dotnet/README.md says why), with a protobuf wire spot check.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Kartla;
using Kartla.Experimental;
using NUnit.Framework;

namespace Kartla.Tests
{
    [TestFixture]
    public class ScenarioTest
    {
        private static DateTimeOffset At(long unix) { return DateTimeOffset.FromUnixTimeSeconds(unix); }

        // Every failure the scenario provokes, by status name, for step errors.
        private readonly Dictionary<string, KartlaException> _provoked = new Dictionary<string, KartlaException>();

        private void Expect(Status status, TestDelegate call)
        {
            KartlaException e = Support.Expect(status, call);
            _provoked[e.StatusName] = e;
        }

        [Test]
        public void TheSharedScenario()
        {
            Json s = Repo.Load("tests/bindings/scenario.json");
            long now = s["clock"]["now"].Long;
            Json shareSpec = s["share"];
            Json agencySpec = s["agency"];
            using (var dir = new TempDir())
            {
                var kdf = new IdentityOptions
                {
                    KdfMemLimitMib = (uint)s["kdf"]["memlimit_mib"].Long,
                    KdfOpsLimit = (uint)s["kdf"]["opslimit"].Long,
                    CreatedAt = At(now - 86400),
                };

                // scenario:identity.create
                char[] passphrase = s["owner"]["passphrase"].Str.ToCharArray();
                IdentityCreation created = Identity.Create(passphrase, kdf);
                char[] recoveryCode = created.RecoveryCode;
                Assert.IsTrue(recoveryCode.Length > 0);
                Identity owner = created.Identity;
                byte[] ownerCard = owner.Card();
                string fingerprint = owner.Fingerprint();
                Assert.AreEqual(fingerprint, Library.CardFingerprint(ownerCard));

                // scenario:identity.reopen
                string identityPath = dir.File("owner.kartla-id");
                owner.Save(identityPath);
                byte[] identityFile = File.ReadAllBytes(identityPath);
                byte[] passphraseUtf8 = Support.Utf8(new string(passphrase));
                using (var a = Identity.OpenFile(identityPath, passphrase)) Assert.AreEqual(fingerprint, a.Fingerprint());
                using (var a = Identity.Open(identityFile, passphraseUtf8)) Assert.AreEqual(fingerprint, a.Fingerprint());
                using (var a = Identity.RecoverFile(identityPath, recoveryCode)) Assert.AreEqual(fingerprint, a.Fingerprint());
                using (var a = Identity.Recover(identityFile, recoveryCode)) Assert.AreEqual(fingerprint, a.Fingerprint());
                Expect(Status.Auth, () => Identity.OpenFile(identityPath, s["owner"]["wrong_passphrase"].Str.ToCharArray()).Dispose());

                // scenario:record.sections
                Json sectionsSpec = s["sections"];
                string examples = Repo.PathOf(sectionsSpec["examples_dir"].Str);
                List<string> ownerOnly = sectionsSpec["owner_only"].Strings;
                var record = Record.Create(owner);
                record.SetClock(At(now));
                var content = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
                var names = Directory.GetFiles(examples, "*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal);
                foreach (string name in names)
                {
                    string json = File.ReadAllText(Path.Combine(examples, name + ".json"));
                    if (ownerOnly.Contains(name))
                    {
                        Expect(Status.InvalidArgument, () => record.SetSectionJson(name, json));
                        continue;
                    }
                    record.SetSectionJson(name, json);
                    byte[] bytes = record.Section(name);
                    record.SetSection(name, bytes);
                    Assert.IsTrue(Support.Same(bytes, record.Section(name)), "section " + name + ": protobuf round trip");
                    Json readBack = Json.Parse(record.SectionJson(name));
                    foreach (var member in Json.Parse(json).Members)
                        Assert.IsTrue(readBack.Has(member.Key), "section " + name + " read back without " + member.Key);
                    content[name] = bytes;
                }
                Assert.GreaterOrEqual(content.Count, 10);
                Json listed = Json.Parse(record.SectionsJson())["sections"];
                Assert.AreEqual(content.Count, listed.Count);
                foreach (Json l in listed.Array) Assert.IsTrue(content.ContainsKey(l["name"].Str), l["name"].Str);
                Expect(Status.NotFound, () =>
                {
                    record.RemoveSection("education");
                    record.Section("education");
                });
                record.SetSection("education", content["education"]);
                Expect(Status.Schema, () => record.SetSectionJson("profile", "{\"no_such_field\": 1}"));
                Assert.IsTrue(Support.Same(content["profile"], record.Section("profile")));
                string recordId = record.Id();

                // scenario:record.save
                string recordPath = dir.File("record.kartla");
                record.Save(recordPath);
                using (var reopened = Record.OpenFile(recordPath, owner))
                {
                    Assert.AreEqual(1UL, reopened.Sequence());
                    foreach (var c in content) Assert.IsTrue(Support.Same(c.Value, reopened.Section(c.Key)), c.Key);
                }

                // scenario:record.verify
                using (var v = Verification.OpenFile(recordPath))
                {
                    Assert.AreEqual(1UL, v.Sequence());
                    Assert.AreEqual(recordId, v.RecordId());
                    Assert.AreEqual(fingerprint, v.OwnerFingerprint());
                    Json report = Json.Parse(v.ReportJson());
                    Assert.AreEqual("record", report["kind"].Str);
                    Assert.AreEqual(content.Count, report["sections_listed"].Integer);
                    // The same report as protobuf bytes (kartla.v1.VerificationReport: kind = 5, sections_listed = 6).
                    var wire = new Wire(v.ReportProtobuf());
                    Assert.AreEqual("record", wire.String(5));
                    Assert.AreEqual((ulong)content.Count, wire.Number(6));
                    byte[] file = File.ReadAllBytes(recordPath);
                    byte[] half = file.Take(file.Length / 2).ToArray();
                    Expect(Status.Format, () => Verification.Open(half).Dispose());
                    Expect(Status.Format, () => Record.Open(half, owner).Dispose());
                }

                // scenario:agency.create
                IdentityCreation agencyCreated = Identity.CreateAgency(new AgencyInfo
                {
                    Name = agencySpec["name"].Str,
                    OrganisationNumber = agencySpec["organisation_number"].Str,
                    Role = agencySpec["role"].Str,
                }, agencySpec["passphrase"].Str.ToCharArray(), kdf);
                agencyCreated.WipeRecoveryCode();
                Identity agency = agencyCreated.Identity;
                byte[] agencyCard = agency.Card();
                Json card = Json.Parse(Library.CardDescribeJson(agencyCard));
                Assert.AreEqual("agency", card["kind"].Str);
                Assert.AreEqual(agencySpec["name"].Str, card["name"].Str);
                string agencyPath = dir.File("agency.kartla-id");
                agency.Save(agencyPath);

                // scenario:share.grant
                List<string> shared = shareSpec["sections"].Strings;
                string purpose = shareSpec["purpose"].Str;
                long expiresAt = now + shareSpec["expires_after"].Long;
                var options = new ShareOptions
                {
                    Purpose = purpose,
                    ExpiresAt = At(expiresAt),
                    Now = At(now),
                    GdprArt6Basis = shareSpec["gdpr_art6_basis"].Str,
                };
                string grantId = record.Share(agencyCard, shared, options);
                Assert.AreEqual(32, grantId.Length);
                Assert.IsTrue(grantId.All(ch => "0123456789abcdef".IndexOf(ch) >= 0), grantId);
                Expect(Status.InvalidArgument, () => record.Share(ownerCard, shared, options));
                record.Save(recordPath);
                string bundlePath = dir.File("bundle.kartla");
                record.ExportBundle(grantId, bundlePath);

                // scenario:share.read
                DateTimeOffset readAt = At(now + shareSpec["read_after"].Long);
                string notShared = shareSpec["not_shared_section"].Str;
                var opened = new List<Share>
                {
                    Share.OpenFile(bundlePath, agency),
                    Share.Open(File.ReadAllBytes(bundlePath), agency),
                    Share.OpenFile(recordPath, agency),
                    Share.Open(File.ReadAllBytes(recordPath), agency),
                };
                foreach (Share share in opened)
                {
                    foreach (string name in shared)
                    {
                        Assert.IsTrue(Support.Same(content[name], share.Section(name, readAt)), "shared section " + name);
                        Assert.Greater(Json.Parse(share.SectionJson(name, readAt)).Count, 0);
                        var mine = new byte[share.SectionSize(name, readAt)];
                        int used = share.SectionInto(name, mine, readAt);
                        Assert.IsTrue(Support.Same(content[name], mine.Take(used).ToArray()), "section into " + name);
                        Array.Clear(mine, 0, mine.Length);
                    }
                    Json described = Json.Parse(share.DescribeJson());
                    var describedSections = new List<string>();
                    foreach (Json d in described["grants"].Array)
                    {
                        describedSections.Add(d["section"].Str);
                        Assert.AreEqual(purpose, d["purpose"].Str);
                    }
                    CollectionAssert.AreEqual(shared, describedSections);
                    share.CheckOwner(ownerCard);
                    Expect(Status.InvalidArgument, () => share.CheckOwner(agencyCard));

                    // scenario:share.not_shared
                    Expect(Status.NotShared, () => share.Section(notShared, readAt));

                    // scenario:share.expired
                    DateTimeOffset late = At(now + shareSpec["expired_read_after"].Long);
                    Expect(Status.Expired, () => share.Section(shared[0], late));
                }
                foreach (Share share in opened) share.Dispose();

                // scenario:share.revoke
                Json revokeSpec = s["revoke"];
                string rewrittenSection = revokeSpec["rewrite_section"].Str;
                Json rewritten = Json.Parse(File.ReadAllText(Path.Combine(examples, rewrittenSection + ".json")));
                foreach (var member in revokeSpec["rewrite_merge"].Members) rewritten.Set(member.Key, member.Value);
                record.RevokeJson(agencyCard, At(now + revokeSpec["after"].Long));
                record.SetSectionJson(rewrittenSection, rewritten.Write());
                record.Save(recordPath);
                using (var after = Share.OpenFile(recordPath, agency))
                using (var before = Share.OpenFile(bundlePath, agency))
                {
                    Expect(Status.NotShared, () => after.Section(rewrittenSection, readAt));
                    Assert.IsTrue(Support.Same(content[rewrittenSection], before.Section(rewrittenSection, readAt)));
                    after.CheckLastSeen(before.Sequence() + 1);
                    Expect(Status.Rollback, () => before.CheckLastSeen(after.Sequence()));
                }

                // scenario:attest
                Json attestSpec = s["attest"];
                string attestedSection = attestSpec["section"].Str;
                var reference = new EntryRef
                {
                    OwnerCard = ownerCard,
                    RecordId = recordId,
                    Section = attestedSection,
                    EntryId = attestSpec["entry_id"].Str,
                };
                reference.Entry = Attestations.SectionEntry(attestedSection, record.Section(attestedSection), reference.EntryId);
                byte[] attestation = Attestations.Issue(agency, reference, attestSpec["claim_json"].Str, At(now));
                IdentityCreation root = TrustRoots.Create(attestSpec["trust_root_name"].Str, passphrase, kdf);
                byte[] trustList;
                using (var draft = TrustDraft.Create(1))
                {
                    draft.Add(agencyCard, agencySpec["role"].Str, At(now - attestSpec["agency_valid_from_before"].Long));
                    trustList = draft.Sign(root.Identity, At(now + attestSpec["trust_list_expires_after"].Long), At(now));
                }
                AttestationCheck without = Attestations.VerifyJson(attestation, reference, null, At(now));
                Assert.AreEqual(Status.Ok, without.Status);
                Assert.AreEqual(attestSpec["expected_verdict_without_list"].Str, Json.Parse(without.ReportJson)["verdict"].Str);
                AttestationCheck with = Attestations.VerifyJson(attestation, reference, trustList, At(now));
                Assert.AreEqual(Status.Ok, with.Status);
                Assert.AreEqual(attestSpec["expected_verdict"].Str, Json.Parse(with.ReportJson)["verdict"].Str);
                Assert.IsTrue(record.AttachAttestation(owner, attestation, At(now)));
                Assert.IsFalse(record.AttachAttestation(owner, attestation, At(now)));
                Json provenance = Json.Parse(record.ProvenanceJson(owner, attestedSection, trustList, At(now)));
                Json found = provenance["entries"].Array.Single(e => e["entry_id"].Str == reference.EntryId);
                Assert.AreEqual(attestSpec["expected_verdict"].Str, found["provenance"].Str);
                root.WipeRecoveryCode();
                root.Identity.Dispose();

                // scenario:contribution
                Json contributionSpec = s["contribution"];
                string contributedSection = contributionSpec["section"].Str;
                string entryJson = contributionSpec["entry_json"].Str;
                string entryId = Json.Parse(entryJson)["id"].Str;
                byte[] contribution = Contributions.Create(agency, ownerCard, recordId, contributedSection, entryJson, null, At(now));
                Json description = Json.Parse(Contributions.DescribeJson(owner, contribution, recordId, At(now)));
                Assert.AreEqual(agencySpec["name"].Str, description["sender"]["name"].Str);
                Assert.AreEqual(contributedSection, description["section"].Str);
                Assert.AreEqual(entryId, description["entry_id"].Str);
                Assert.IsTrue(record.AcceptContribution(owner, contribution, At(now)));
                Assert.IsFalse(record.AcceptContribution(owner, contribution, At(now)));
                Assert.Greater(Attestations.SectionEntry(contributedSection, record.Section(contributedSection), entryId).Length, 0);
                Expect(Status.Auth, () => Contributions.DescribeJson(agency, contribution, recordId, At(now)));

                // scenario:errors
                foreach (string name in new[] { "E_AUTH", "E_SCHEMA", "E_NOT_FOUND", "E_INVALID_ARGUMENT", "E_FORMAT", "E_NOT_SHARED", "E_EXPIRED", "E_ROLLBACK" })
                {
                    Assert.IsTrue(_provoked.ContainsKey(name), "the scenario provoked no " + name);
                    Assert.AreEqual(name, _provoked[name].StatusName);
                    Assert.IsNotEmpty(_provoked[name].LibraryMessage, name);
                    Assert.AreEqual(name + ": " + _provoked[name].LibraryMessage, _provoked[name].Message);
                }
                // A disposed handle is the binding's documented typed error, ObjectDisposedException, never a crash.
                var closed = Identity.OpenFile(agencyPath, agencySpec["passphrase"].Str.ToCharArray());
                closed.Dispose();
                Assert.Throws<ObjectDisposedException>(() => Share.OpenFile(bundlePath, closed));
                Assert.Throws<ObjectDisposedException>(() => closed.Fingerprint());

                // scenario:threads
                Json threadsSpec = s["threads"];
                int count = (int)threadsSpec["count"].Long;
                int reads = (int)threadsSpec["reads_each"].Long;
                int good = 0;
                var errors = new List<Exception>();
                var threads = new List<Thread>();
                for (int t = 0; t < count; t++)
                {
                    threads.Add(new Thread(() =>
                    {
                        try
                        {
                            using (var mine = Identity.OpenFile(agencyPath, agencySpec["passphrase"].Str.ToCharArray()))
                            using (var share = Share.OpenFile(bundlePath, mine))
                            {
                                for (int i = 0; i < reads; i++)
                                {
                                    string name = shared[i % shared.Count];
                                    bool ok = Support.Same(content[name], share.Section(name, readAt));
                                    try
                                    {
                                        share.Section(notShared, readAt);
                                        ok = false;
                                    }
                                    catch (KartlaException e)
                                    {
                                        ok = ok && e.Status == Status.NotShared && e.LibraryMessage.Contains(notShared);
                                    }
                                    if (ok) Interlocked.Increment(ref good);
                                }
                            }
                        }
                        catch (Exception e)
                        {
                            lock (errors) errors.Add(e);
                        }
                    }));
                }
                foreach (var t in threads) t.Start();
                foreach (var t in threads) t.Join();
                CollectionAssert.IsEmpty(errors);
                Assert.AreEqual(count * reads, good);

                record.Dispose();
                agency.Dispose();
                owner.Dispose();
                created.WipeRecoveryCode();
                Array.Clear(passphrase, 0, passphrase.Length);
            }
        }
    }
}
