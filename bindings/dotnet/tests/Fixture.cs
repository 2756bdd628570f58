// SPDX-License-Identifier: Apache-2.0
using System;
using System.IO;
using Kartla;

namespace Kartla.Tests
{
    /// <summary>
    /// An owner, an agency, a saved record holding profile, languages and education, and a bundle
    /// sharing profile and languages with the agency until `Expires`: what the bad-input, thread
    /// and API tests work on. Argon2id at the floor (64 MiB), as the scenario.
    /// </summary>
    internal sealed class World : IDisposable
    {
        public static readonly char[] Passphrase = "en lång lösenfras för testerna".ToCharArray();
        public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1767225600);
        public static readonly DateTimeOffset ReadAt = Now.AddDays(1);
        public static readonly DateTimeOffset Expires = Now.AddDays(30);
        public static readonly IdentityOptions Kdf = new IdentityOptions { KdfMemLimitMib = 64, KdfOpsLimit = 3, CreatedAt = Now.AddDays(-1) };

        public readonly TempDir Dir = new TempDir();
        public readonly Identity Owner, Agency;
        public readonly byte[] OwnerCard, AgencyCard;
        public readonly string RecordPath, BundlePath, OwnerPath, AgencyPath, GrantId;
        public readonly byte[] Profile, Languages;

        public World()
        {
            IdentityCreation owner = Identity.Create(Passphrase, Kdf);
            owner.WipeRecoveryCode();
            Owner = owner.Identity;
            IdentityCreation agency = Identity.CreateAgency(
                new AgencyInfo { Name = "Landskrona stad", OrganisationNumber = "212000-1140", Role = "municipal_labour_unit" }, Passphrase, Kdf);
            agency.WipeRecoveryCode();
            Agency = agency.Identity;
            OwnerCard = Owner.Card();
            AgencyCard = Agency.Card();
            OwnerPath = Dir.File("owner.id");
            AgencyPath = Dir.File("agency.id");
            Owner.Save(OwnerPath);
            Agency.Save(AgencyPath);
            RecordPath = Dir.File("record.kartla");
            BundlePath = Dir.File("bundle.kartla");
            using (var record = Record.Create(Owner))
            {
                record.SetClock(Now);
                foreach (string name in new[] { "profile", "languages", "education", "progress", "action_plan" })
                    record.SetSectionJson(name, File.ReadAllText(Repo.PathOf("examples/sections/" + name + ".json")));
                Profile = record.Section("profile");
                Languages = record.Section("languages");
                GrantId = record.Share(AgencyCard, new[] { "profile", "languages" },
                                       new ShareOptions { Purpose = "Kartläggning", ExpiresAt = Expires, Now = Now });
                record.Save(RecordPath);
                record.ExportBundle(GrantId, BundlePath);
            }
        }

        public void Dispose()
        {
            Owner.Dispose();
            Agency.Dispose();
            Dir.Dispose();
        }
    }
}
