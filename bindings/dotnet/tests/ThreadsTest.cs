// SPDX-License-Identifier: Apache-2.0
// Two threads with separate handles at once, each provoking its own error class between its reads:
// the last error is per OS thread and the binding reads it on the calling thread right after the
// call, so neither thread ever sees the other's message (kartla/common.h, "Errors and threads").
using System;
using System.Collections.Generic;
using System.Threading;
using Kartla;
using NUnit.Framework;

namespace Kartla.Tests
{
    [TestFixture]
    public class ThreadsTest
    {
        private World _w;

        [TestFixtureSetUp] public void SetUp() { _w = new World(); }
        [TestFixtureTearDown] public void TearDown() { _w.Dispose(); }

        [Test]
        public void TwoThreadsWithSeparateHandlesReadAndFailIndependently()
        {
            const int Reads = 300;
            var failures = new List<string>();
            var start = new Barrier(2);

            // Thread one: its own agency identity and share; reads profile, then an unshared section.
            var one = new Thread(() =>
            {
                try
                {
                    using (var agency = Identity.OpenFile(_w.AgencyPath, World.Passphrase))
                    using (var share = Share.OpenFile(_w.BundlePath, agency))
                    {
                        start.SignalAndWait();
                        for (int i = 0; i < Reads; i++)
                        {
                            if (!Support.Same(_w.Profile, share.Section("profile", World.ReadAt))) throw new Exception("profile differs");
                            try
                            {
                                share.Section("education", World.ReadAt);
                                throw new Exception("education was readable");
                            }
                            catch (KartlaException e)
                            {
                                if (e.Status != Status.NotShared || !e.LibraryMessage.Contains("education"))
                                    throw new Exception("thread one got " + e.Message);
                            }
                        }
                    }
                }
                catch (Exception e)
                {
                    lock (failures) failures.Add("one: " + e);
                }
            });

            // Thread two: its own owner identity and record; reads languages, then a section it lacks,
            // and its own agency share past the expiry.
            var two = new Thread(() =>
            {
                try
                {
                    using (var owner = Identity.OpenFile(_w.OwnerPath, World.Passphrase))
                    using (var record = Record.OpenFile(_w.RecordPath, owner, new RecordOpenOptions { AcceptOlder = true }))
                    using (var agency = Identity.OpenFile(_w.AgencyPath, World.Passphrase))
                    using (var share = Share.OpenFile(_w.BundlePath, agency))
                    {
                        start.SignalAndWait();
                        for (int i = 0; i < Reads; i++)
                        {
                            if (!Support.Same(_w.Languages, record.Section("languages"))) throw new Exception("languages differs");
                            try
                            {
                                record.Section("work_ability");
                                throw new Exception("work_ability was found");
                            }
                            catch (KartlaException e)
                            {
                                if (e.Status != Status.NotFound || e.LibraryMessage.Contains("education"))
                                    throw new Exception("thread two got " + e.Message);
                            }
                            try
                            {
                                share.Section("languages", World.Expires.AddDays(1));
                                throw new Exception("an expired grant was readable");
                            }
                            catch (KartlaException e)
                            {
                                if (e.Status != Status.Expired || e.LibraryMessage.Contains("education"))
                                    throw new Exception("thread two got " + e.Message);
                            }
                        }
                    }
                }
                catch (Exception e)
                {
                    lock (failures) failures.Add("two: " + e);
                }
            });
            one.Start();
            two.Start();
            one.Join();
            two.Join();
            CollectionAssert.IsEmpty(failures);
        }
    }
}
