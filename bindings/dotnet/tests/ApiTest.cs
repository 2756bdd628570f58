// SPDX-License-Identifier: Apache-2.0
// The rest of the binding's surface, each member at least once: library facts, validation, the
// span overloads, passphrase change, the state folder, revocation as protobuf, receipts, trust
// drafts and the views (experimental tier).
using System;
using System.IO;
using System.Linq;
using Kartla;
using Kartla.Experimental;
using NUnit.Framework;

namespace Kartla.Tests
{
    [TestFixture]
    public class ApiTest
    {
        private World _w;

        [TestFixtureSetUp] public void SetUp() { _w = new World(); }
        [TestFixtureTearDown] public void TearDown() { _w.Dispose(); }

        [Test]
        public void LibraryFacts()
        {
            Assert.AreEqual(Library.VersionNumber, uint.Parse(Library.Version.Split('.')[0]) * 10000 +
                                                   uint.Parse(Library.Version.Split('.')[1]) * 100 + uint.Parse(Library.Version.Split('.')[2]));
            Assert.AreEqual(1u, Library.FormatVersion);
            Assert.GreaterOrEqual(Library.AbiVersion, 0u);
            CollectionAssert.Contains(Library.SectionNames, "languages");
            CollectionAssert.Contains(Library.SectionNames, "sharing_ledger");
            CollectionAssert.Contains(Library.AgencyRoles, "municipal_labour_unit");
            Assert.IsTrue(Library.IsSpecialCategory("work_ability"));
            Assert.IsFalse(Library.IsSpecialCategory("languages"));
            Support.Expect(Status.InvalidArgument, () => Library.IsSpecialCategory("nope"));
            foreach (Status s in Enum.GetValues(typeof(Status)))
                if (s != Status.Unknown) StringAssert.StartsWith(s == Status.Ok ? "OK" : "E_", Library.StatusName(s));
            Assert.AreEqual("E_NOT_SHARED", Library.StatusName(Status.NotShared));
            Assert.AreEqual("UNKNOWN", Library.StatusName((Status)999));
        }

        [Test]
        public void ValidationReportsViolationsAsAResult()
        {
            ValidationResult ok = Library.ValidateSectionJson("languages", File.ReadAllText(Repo.PathOf("examples/sections/languages.json")));
            Assert.IsTrue(ok.IsValid, ok.ReportJson);
            Assert.IsTrue(Json.Parse(ok.ReportJson)["valid"].Bool);
            ValidationResult bad = Library.ValidateSectionJson("profile", "{\"no_such_field\": 1}");
            Assert.IsFalse(bad.IsValid);
            Assert.IsNotEmpty(bad.Message);
            Assert.AreEqual("schema-parse", Json.Parse(bad.ReportJson)["violations"][0]["rule"].Str);
            Assert.IsTrue(Library.ValidateSection("profile", _w.Profile).IsValid);
            Support.Expect(Status.InvalidArgument, () => Library.ValidateSection("nope", new byte[0]));
        }

        [Test]
        public void SpanOverloads()
        {
            byte[] bundle = File.ReadAllBytes(_w.BundlePath);
            var padded = new byte[bundle.Length + 10];
            Array.Copy(bundle, 0, padded, 5, bundle.Length);
            using (var share = Share.Open(new ReadOnlySpan<byte>(padded, 5, bundle.Length), _w.Agency))
            {
                var window = new byte[share.SectionSize("profile", World.ReadAt) + 8];
                int used = share.SectionInto("profile", new Span<byte>(window, 4, window.Length - 4), World.ReadAt);
                CollectionAssert.AreEqual(_w.Profile, window.Skip(4).Take(used).ToArray());
                Assert.IsTrue(window.Take(4).All(b => b == 0));
            }
            using (var v = Verification.Open(new ReadOnlySpan<byte>(bundle))) Assert.AreEqual(1UL, v.Sequence());
            byte[] pw = System.Text.Encoding.UTF8.GetBytes(World.Passphrase);
            using (var id = Identity.OpenFile(_w.AgencyPath, new ReadOnlySpan<byte>(pw))) Assert.AreEqual(_w.Agency.Fingerprint(), id.Fingerprint());
            using (var id = Identity.OpenFile(_w.AgencyPath, new ReadOnlySpan<char>(World.Passphrase))) Assert.AreEqual(_w.Agency.Fingerprint(), id.Fingerprint());
            using (var id = Identity.Open(new ReadOnlySpan<byte>(File.ReadAllBytes(_w.AgencyPath)), new ReadOnlySpan<byte>(pw)))
                Assert.AreEqual(_w.Agency.Fingerprint(), id.Fingerprint());
            using (var record = Record.Open(new ReadOnlySpan<byte>(File.ReadAllBytes(_w.RecordPath)), _w.Owner, new RecordOpenOptions { AcceptOlder = true }))
            {
                record.SetSection("languages", new ReadOnlySpan<byte>(_w.Languages));
                var mine = new byte[record.SectionSize("languages")];
                int used = record.SectionInto("languages", new Span<byte>(mine));
                CollectionAssert.AreEqual(_w.Languages, mine.Take(used).ToArray());
            }
            Array.Clear(pw, 0, pw.Length);
        }

        [Test]
        public void PassphraseChangeRecoveryAndStateFolder()
        {
            IdentityCreation created = Identity.Create("first passphrase".ToCharArray(), World.Kdf);
            using (Identity id = created.Identity)
            using (var dir = new TempDir())
            {
                id.SetPassphrase(System.Text.Encoding.UTF8.GetBytes("second passphrase"));
                string path = dir.File("id");
                id.Save(path, createOnly: true);
                Support.Expect(Status.InvalidArgument, () => id.Save(path, createOnly: true));
                Support.Expect(Status.Auth, () => Identity.OpenFile(path, "first passphrase".ToCharArray()).Dispose());
                using (var again = Identity.OpenFile(path, "second passphrase".ToCharArray())) Assert.AreEqual(id.Fingerprint(), again.Fingerprint());
                using (var again = Identity.RecoverFile(path, created.RecoveryCode)) Assert.AreEqual(id.Fingerprint(), again.Fingerprint());
                string code = new string(created.RecoveryCode);
                using (var again = Identity.Recover(File.ReadAllBytes(path), System.Text.Encoding.UTF8.GetBytes(code.ToLowerInvariant().Replace("-", " "))))
                    Assert.AreEqual(id.Fingerprint(), again.Fingerprint());
                created.WipeRecoveryCode();
                Assert.IsTrue(created.RecoveryCode.All(c => c == '\0'));
                id.UseStateFolder(dir.Path);
                Support.Expect(Status.IO, () => id.UseStateFolder(path));  // a file, not a folder
            }
        }

        [Test]
        public void RevocationReceiptsAndTheLedger()
        {
            using (var dir = new TempDir())
            {
                string path = dir.File("record.kartla");
                File.Copy(_w.RecordPath, path);
                using (var record = Record.OpenFile(path, _w.Owner, new RecordOpenOptions { AcceptOlder = true }))
                {
                    record.SetClock(World.Now.AddDays(2));
                    Assert.IsFalse(record.IsSpecial("profile"));
                    Json grantReceipt = Json.Parse(Receipts.DescribeJson(record.Receipt(_w.GrantId), _w.OwnerCard, _w.AgencyCard));
                    Assert.AreEqual("grant", grantReceipt["kind"].Str);
                    var summary = new Wire(record.RevokeProtobuf(_w.AgencyCard));  // RevocationSummary: grant_ids = 3
                    Assert.AreEqual(_w.GrantId, summary.String(3));
                    Support.Expect(Status.InvalidArgument, () => record.Receipt(_w.GrantId));  // unsaved changes
                    record.Save(path);
                    Assert.AreEqual(2UL, record.Sequence());
                    Json end = Json.Parse(Receipts.DescribeJson(record.Receipt(_w.GrantId), _w.OwnerCard, null));
                    Assert.AreEqual("termination", end["kind"].Str);
                    Assert.AreEqual("revoked", end["end_reason"].Str);
                    Support.Expect(Status.NotFound, () => record.RevokeJson(_w.AgencyCard));
                    Support.Expect(Status.NotFound, () => record.ExportBundle(_w.GrantId, dir.File("b")));
                    Assert.IsTrue(record.HasSection("sharing_ledger"));
                    Assert.IsTrue(record.SectionJson("sharing_ledger").Contains(_w.GrantId));
                    var sections = new Wire(record.SectionsProtobuf()).Messages(1).Select(m => m.String(2)).ToList();  // SectionList
                    CollectionAssert.Contains(sections, "profile");
                }
            }
        }

        [Test]
        public void TrustDraftsNextAndRemove()
        {
            IdentityCreation root = TrustRoots.Create("Kartla trust root, test", World.Passphrase, World.Kdf);
            root.WipeRecoveryCode();
            using (root.Identity)
            using (var draft = TrustDraft.Create(1))
            {
                draft.Add(_w.AgencyCard, "municipal_labour_unit", World.Now, World.Now.AddDays(100));
                Support.Expect(Status.InvalidArgument, () => draft.Add(_w.AgencyCard, "municipal_labour_unit", World.Now));
                byte[] list = draft.Sign(root.Identity, World.Now.AddDays(365), World.Now);
                Json described = Json.Parse(TrustLists.VerifyJson(list, root.Identity.Card(), 0, World.Now.AddDays(1)));
                Assert.AreEqual("1", described["sequence"].Text);
                Assert.AreEqual(1, described["agencies"].Count);
                Assert.Greater(TrustLists.VerifyProtobuf(list, null, 0, World.Now.AddDays(1)).Length, 0);
                Support.Expect(Status.Expired, () => TrustLists.VerifyJson(list, null, 0, World.Now.AddDays(400)));
                Support.Expect(Status.Rollback, () => TrustLists.VerifyJson(list, null, 2, World.Now.AddDays(1)));
                Support.Expect(Status.InvalidArgument, () => draft.Sign(_w.Agency, World.Now.AddDays(365), World.Now));
                using (var next = TrustDraft.Next(list))
                {
                    Assert.AreEqual(2UL, next.Sequence());
                    Assert.IsTrue(next.Remove(_w.AgencyCard));
                    Assert.IsFalse(next.Remove(_w.AgencyCard));
                }
            }
        }

        [Test]
        public void ViewsForTheOwnerAndTheAgency()
        {
            using (var record = Record.OpenFile(_w.RecordPath, _w.Owner, new RecordOpenOptions { AcceptOlder = true }))
            {
                Assert.IsNotEmpty(record.PlanText());
                Assert.IsTrue(Json.Parse(record.PlanJson(new ViewOptions { Language = "sv" })).Has("goals"));
                Assert.IsNotEmpty(record.ProgressText());
                Json.Parse(record.ProgressJson());
                StringAssert.StartsWith("<", record.ProgressSvg().TrimStart());
                Assert.IsNotEmpty(record.ShowText("languages"));
                Assert.IsNotEmpty(record.ShowText());
                Support.Expect(Status.NotFound, () => record.ShowText("work_ability"));
                Support.Expect(Status.InvalidArgument, () => record.PlanText(new ViewOptions { Language = "" }));
            }
            using (var share = Share.OpenFile(_w.BundlePath, _w.Agency))
            {
                Assert.IsNotEmpty(share.ShowText(null, World.ReadAt));
                Assert.IsNotEmpty(share.ShowText("profile", World.ReadAt, new ViewOptions { Language = "fi" }));
                Support.Expect(Status.NotShared, () => share.PlanText(World.ReadAt));
                Support.Expect(Status.NotShared, () => share.PlanJson(World.ReadAt));
                Support.Expect(Status.NotShared, () => share.ProgressText(World.ReadAt));
                Support.Expect(Status.NotShared, () => share.ProgressJson(World.ReadAt));
                Support.Expect(Status.NotShared, () => share.ProgressSvg(World.ReadAt));
                Json provenance = Json.Parse(share.ProvenanceJson("languages", null, World.ReadAt));
                Assert.AreEqual("languages", provenance["section"].Str);
                Assert.Greater(share.ProvenanceProtobuf("languages", null, World.ReadAt).Length, 0);
                Assert.AreEqual(2, new Wire(share.DescribeProtobuf()).Messages(5).Count);  // ShareDescription.grants
            }
        }
    }
}
