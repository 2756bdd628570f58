// SPDX-License-Identifier: Apache-2.0
// An agency system opening a share bundle through the .NET binding: unlock the agency's identity,
// open the bundle (the owner's signature and the grant are checked here), refuse an older copy
// than one already seen, list what the participant shared, and read one section as JSON (its
// hash, key commitment, binding and the grant's expiry are checked on this call).
//
//   mono AgencyOpenBundle.exe BUNDLE AGENCY_ID SECTION [LAST_SEEN]   (passphrase in KARTLA_PASSPHRASE)
//   mono AgencyOpenBundle.exe --demo DIR    plays the participant first, then opens the bundle
//
// Thread safety, for a real agency system: an Identity and a Share may each be used by many
// threads at once; open many bundles in parallel freely. bindings/dotnet/README.md shows OpenBundle.
using System;
using System.IO;
using System.Text;
using Kartla;

public static class AgencyOpenBundle
{
    // The agency system's side: everything it does with a bundle it received.
    static void OpenBundle(string bundlePath, string agencyPath, char[] passphrase, string section, ulong lastSeen)
    {
        using (Identity agency = Identity.OpenFile(agencyPath, passphrase))
        using (Share share = Share.OpenFile(bundlePath, agency))
        {
            Console.WriteLine("opened {0}: sequence {1}", bundlePath, share.Sequence());
            share.CheckLastSeen(lastSeen);  // KartlaException Rollback for an older copy
            Console.WriteLine("shared with us: " + share.DescribeJson());
            try
            {
                Console.WriteLine(section + ": " + share.SectionJson(section));  // checked at the current time
            }
            catch (KartlaException e) when (e.Status == Status.NotShared || e.Status == Status.Expired)
            {
                // Not an error of the bundle: the participant did not (or no longer) share this with us.
                Console.WriteLine("{0}: {1} ({2})", section, e.StatusName, e.LibraryMessage);
            }
        }
    }

    // The participant's side, only so that --demo has a bundle to open.
    static void MakeDemo(string dir, char[] passphrase)
    {
        var kdf = new IdentityOptions { KdfMemLimitMib = 64 };  // the lowest Argon2id memory the library accepts
        IdentityCreation owner = Identity.Create(passphrase, kdf);
        IdentityCreation agency = Identity.CreateAgency(
            new AgencyInfo { Name = "Landskrona kommun", OrganisationNumber = "212000-1140", Role = "municipal_labour_unit" },
            passphrase, kdf);
        owner.WipeRecoveryCode();
        agency.WipeRecoveryCode();
        using (Identity o = owner.Identity)
        using (Identity a = agency.Identity)
        using (Record record = Record.Create(o))
        {
            a.Save(Path.Combine(dir, "agency.id"), createOnly: true);
            record.SetSectionJson("profile", "{\"given_name\": \"Amina\", \"family_name\": \"Rahimi\", \"assertion\": " +
                                             "{\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2024-05-02T09:00:00Z\"}}");
            record.SetSectionJson("notes", "{\"entries\": [{\"id\": \"note-1\", \"text\": \"private note, never shared\", \"assertion\": " +
                                           "{\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2024-05-02T09:00:00Z\"}}]}");
            string grant = record.Share(a.Card(), new[] { "profile" },
                                        new ShareOptions { Purpose = "kartläggning inför praktik", GdprArt6Basis = "6.1.a" });
            record.Save(Path.Combine(dir, "record.kartla"));
            record.ExportBundle(grant, Path.Combine(dir, "bundle.kartla"));
        }
        Console.WriteLine("demo: the participant shared profile with Landskrona kommun in " + Path.Combine(dir, "bundle.kartla"));
    }

    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        try
        {
            if (args.Length == 2 && args[0] == "--demo")
            {
                char[] demo = "correct horse battery staple".ToCharArray();
                MakeDemo(args[1], demo);
                string bundle = Path.Combine(args[1], "bundle.kartla"), agency = Path.Combine(args[1], "agency.id");
                OpenBundle(bundle, agency, demo, "profile", 1);
                OpenBundle(bundle, agency, demo, "notes", 1);
                return 0;
            }
            if (args.Length != 3 && args.Length != 4)
            {
                Console.Error.WriteLine("usage: AgencyOpenBundle.exe BUNDLE AGENCY_ID SECTION [LAST_SEEN] | --demo DIR");
                return 2;
            }
            string passphrase = Environment.GetEnvironmentVariable("KARTLA_PASSPHRASE");
            if (passphrase == null)
            {
                Console.Error.WriteLine("AgencyOpenBundle: set KARTLA_PASSPHRASE to the agency identity's passphrase");
                return 2;
            }
            OpenBundle(args[0], args[1], passphrase.ToCharArray(), args[2], args.Length == 4 ? ulong.Parse(args[3]) : 0);
            return 0;
        }
        catch (KartlaException e)
        {
            Console.Error.WriteLine("AgencyOpenBundle: " + e.Message);  // "E_ROLLBACK: ..." etc.
            return 1;
        }
    }
}
