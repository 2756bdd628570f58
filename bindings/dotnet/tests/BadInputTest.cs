// SPDX-License-Identifier: Apache-2.0
// Bad input through the binding is a typed exception, never a crash of the CLR: null, a disposed
// handle, the wrong kind of card or identity, a truncated file, text C cannot take, times the C
// ABI cannot express, a buffer too small.
using System;
using System.IO;
using System.Linq;
using System.Threading;
using Kartla;
using Kartla.Experimental;
using NUnit.Framework;

namespace Kartla.Tests
{
    [TestFixture]
    public class BadInputTest
    {
        private World _w;

        [TestFixtureSetUp] public void SetUp() { _w = new World(); }
        [TestFixtureTearDown] public void TearDown() { _w.Dispose(); }

        [Test]
        public void NullArgumentsAreArgumentNullException()
        {
            Assert.Throws<ArgumentNullException>(() => Identity.Create((byte[])null));
            Assert.Throws<ArgumentNullException>(() => Identity.Create((char[])null));
            Assert.Throws<ArgumentNullException>(() => Identity.Open(null, World.Passphrase));
            Assert.Throws<ArgumentNullException>(() => Identity.OpenFile(null, World.Passphrase));
            Assert.Throws<ArgumentNullException>(() => Identity.CreateAgency(null, World.Passphrase));
            Assert.Throws<ArgumentNullException>(() => Identity.CreateAgency(new AgencyInfo { Name = "x", Role = "employer" }, World.Passphrase));
            Assert.Throws<ArgumentNullException>(() => Record.Create(null));
            Assert.Throws<ArgumentNullException>(() => Record.Open(null, _w.Owner));
            Assert.Throws<ArgumentNullException>(() => Share.Open(null, _w.Agency));
            Assert.Throws<ArgumentNullException>(() => Share.OpenFile(_w.BundlePath, null));
            Assert.Throws<ArgumentNullException>(() => Verification.Open((byte[])null));
            Assert.Throws<ArgumentNullException>(() => Library.CardFingerprint(null));
            using (var share = Share.OpenFile(_w.BundlePath, _w.Agency))
            {
                Assert.Throws<ArgumentNullException>(() => share.Section(null, World.ReadAt));
                Assert.Throws<ArgumentNullException>(() => share.SectionInto("profile", null, World.ReadAt));
                Assert.Throws<ArgumentNullException>(() => share.CheckOwner(null));
            }
            using (var record = Record.OpenFile(_w.RecordPath, _w.Owner))
            {
                Assert.Throws<ArgumentNullException>(() => record.SetSection("profile", (byte[])null));
                Assert.Throws<ArgumentNullException>(() => record.SetSectionJson("profile", null));
                Assert.Throws<ArgumentNullException>(() => record.Share(_w.AgencyCard, null, new ShareOptions { Purpose = "p" }));
                Assert.Throws<ArgumentNullException>(() => record.Share(_w.AgencyCard, new[] { "profile" }, null));
                Assert.Throws<ArgumentNullException>(() => record.Share(_w.AgencyCard, new string[] { null }, new ShareOptions { Purpose = "p" }));
                Assert.Throws<ArgumentNullException>(() => record.AttachAttestation(_w.Owner, null));
            }
            // An optional C parameter left null is fine: no purpose is the library's own InvalidArgument.
            using (var record = Record.OpenFile(_w.RecordPath, _w.Owner))
                Support.Expect(Status.InvalidArgument, () => record.Share(_w.AgencyCard, new[] { "profile" }, new ShareOptions()));
        }

        [Test]
        public void ADisposedHandleIsObjectDisposedException()
        {
            var share = Share.OpenFile(_w.BundlePath, _w.Agency);
            share.Dispose();
            share.Dispose();  // twice is fine
            Assert.Throws<ObjectDisposedException>(() => share.Section("profile", World.ReadAt));
            Assert.Throws<ObjectDisposedException>(() => share.SectionInto("profile", new byte[4096], World.ReadAt));
            Assert.Throws<ObjectDisposedException>(() => share.DescribeJson());
            Assert.Throws<ObjectDisposedException>(() => share.ProvenanceJson("profile"));

            var record = Record.OpenFile(_w.RecordPath, _w.Owner);
            record.Dispose();
            Assert.Throws<ObjectDisposedException>(() => record.Section("profile"));
            Assert.Throws<ObjectDisposedException>(() => record.Save(_w.RecordPath));
            Assert.Throws<ObjectDisposedException>(() => record.PlanText());

            var v = Verification.OpenFile(_w.RecordPath);
            v.Dispose();
            Assert.Throws<ObjectDisposedException>(() => v.Sequence());

            var identity = Identity.OpenFile(_w.AgencyPath, World.Passphrase);
            identity.Dispose();
            Assert.Throws<ObjectDisposedException>(() => identity.Card());
            Assert.Throws<ObjectDisposedException>(() => identity.SetPassphrase(World.Passphrase));
            Assert.Throws<ObjectDisposedException>(() => Share.OpenFile(_w.BundlePath, identity));
            Assert.Throws<ObjectDisposedException>(() => Record.Create(identity));

            var draft = TrustDraft.Create(1);
            draft.Dispose();
            Assert.Throws<ObjectDisposedException>(() => draft.Sequence());
        }

        [Test]
        public void DisposingWhileAnotherThreadReadsNeverCrashes()
        {
            // The reader's calls hold a reference on the handle: the free waits for the call in flight,
            // and every call after the Dispose is ObjectDisposedException.
            for (int round = 0; round < 20; round++)
            {
                var share = Share.OpenFile(_w.BundlePath, _w.Agency);
                Exception unexpected = null;
                int reads = 0;
                var reader = new Thread(() =>
                {
                    try
                    {
                        while (true)
                        {
                            share.Section("profile", World.ReadAt);
                            reads++;
                        }
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                    catch (Exception e)
                    {
                        unexpected = e;
                    }
                });
                reader.Start();
                Thread.Sleep(round % 3);
                share.Dispose();
                reader.Join();
                Assert.IsNull(unexpected, unexpected?.ToString());
            }
        }

        [Test]
        public void AHandleLeftToTheFinalizerIsReleasedWithoutACrash()
        {
            for (int i = 0; i < 50; i++) Share.OpenFile(_w.BundlePath, _w.Agency);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        [Test]
        public void TheWrongKindOfCardOrIdentityIsInvalidArgument()
        {
            using (var record = Record.OpenFile(_w.RecordPath, _w.Owner))
            {
                // An owner's card where an agency's is needed.
                Support.Expect(Status.InvalidArgument, () => record.Share(_w.OwnerCard, new[] { "profile" }, new ShareOptions { Purpose = "p" }));
            }
            using (var share = Share.OpenFile(_w.BundlePath, _w.Agency))
            {
                // An agency's card where the owner's is needed.
                Support.Expect(Status.InvalidArgument, () => share.CheckOwner(_w.AgencyCard));
            }
            using (var draft = TrustDraft.Create(1))
                Support.Expect(Status.InvalidArgument, () => draft.Add(_w.OwnerCard, "employer", World.Now));
            // An agency's identity where the owner's is needed, and the other way round.
            Support.Expect(Status.InvalidArgument, () => Record.Create(_w.Agency).Dispose());
            Support.Expect(Status.InvalidArgument, () => Record.OpenFile(_w.RecordPath, _w.Agency).Dispose());
            var reference = new EntryRef { OwnerCard = _w.OwnerCard, RecordId = new string('0', 32), Section = "languages", EntryId = "x", Entry = new byte[] { 1 } };
            Support.Expect(Status.InvalidArgument, () => Attestations.Issue(_w.Owner, reference, "{\"kind\": \"CONFIRMED\"}"));
            Support.Expect(Status.InvalidArgument, () => Receipts.DescribeJson(new byte[] { 1, 2, 3 }, _w.AgencyCard, null));
        }

        [Test]
        public void ATruncatedFileIsFormat()
        {
            byte[] bundle = File.ReadAllBytes(_w.BundlePath);
            byte[] half = bundle.Take(bundle.Length / 2).ToArray();
            string truncated = _w.Dir.File("truncated.kartla");
            File.WriteAllBytes(truncated, half);
            Support.Expect(Status.Format, () => Share.OpenFile(truncated, _w.Agency).Dispose());
            Support.Expect(Status.Format, () => Share.Open(half, _w.Agency).Dispose());
            Support.Expect(Status.Format, () => Verification.OpenFile(truncated).Dispose());
            Support.Expect(Status.Format, () => Record.OpenFile(truncated, _w.Owner).Dispose());
            byte[] identity = File.ReadAllBytes(_w.AgencyPath);
            Support.Expect(Status.Format, () => Identity.Open(identity.Take(identity.Length - 1).ToArray(), World.Passphrase).Dispose());
            Support.Expect(Status.Format, () => Library.CardFingerprint(_w.AgencyCard.Take(_w.AgencyCard.Length - 3).ToArray()));
            Support.Expect(Status.Format, () => Verification.Open(new byte[0]).Dispose());
            Support.Expect(Status.IO, () => Share.OpenFile(_w.Dir.File("no-such-file"), _w.Agency).Dispose());
        }

        [Test]
        public void TextCCannotTakeIsArgumentException()
        {
            using (var record = Record.OpenFile(_w.RecordPath, _w.Owner))
            {
                // A NUL would cut the name short in C: refused rather than read as "profile".
                Assert.Throws<ArgumentException>(() => record.Section("profile\0languages"));
                Assert.Throws<ArgumentException>(() => record.Section("profile\ud800"));
                Support.Expect(Status.InvalidArgument, () => record.Section("no_such_section"));
            }
            Assert.Throws<ArgumentException>(() => Identity.Create("lone \ud800 surrogate".ToCharArray(), World.Kdf));
        }

        [Test]
        public void TimesAtOrBeforeTheEpochAreArgumentOutOfRange()
        {
            using (var share = Share.OpenFile(_w.BundlePath, _w.Agency))
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => share.Section("profile", DateTimeOffset.FromUnixTimeSeconds(0)));
                Assert.Throws<ArgumentOutOfRangeException>(() => share.Section("profile", new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero)));
                // The same instant in another offset is the same time.
                CollectionAssert.AreEqual(_w.Profile, share.Section("profile", World.ReadAt.ToOffset(TimeSpan.FromHours(2))));
            }
        }

        [Test]
        public void ABufferTooSmallIsInvalidArgumentAndLeavesNothingOfTheSection()
        {
            using (var share = Share.OpenFile(_w.BundlePath, _w.Agency))
            {
                int size = share.SectionSize("profile", World.ReadAt);
                var small = new byte[size - 1];
                Support.Expect(Status.InvalidArgument, () => share.SectionInto("profile", small, World.ReadAt));
                Assert.IsTrue(small.All(b => b == 0));
                var denied = Enumerable.Repeat((byte)0xAA, 8192).ToArray();
                Support.Expect(Status.NotShared, () => share.SectionInto("education", denied, World.ReadAt));
            }
        }

        [Test]
        public void AWrongPassphraseIsAuth()
        {
            Support.Expect(Status.Auth, () => Identity.OpenFile(_w.AgencyPath, "wrong".ToCharArray()).Dispose());
            Support.Expect(Status.Auth, () => Identity.RecoverFile(_w.AgencyPath, "0000-0000-0000-0000-0000-0000-0000-0000-0000".ToCharArray()).Dispose());
        }
    }
}
