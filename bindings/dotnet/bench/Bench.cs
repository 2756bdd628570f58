// SPDX-License-Identifier: Apache-2.0
// The .NET binding benchmark (not a test): an agency reading a 1 KiB and a 64 MiB section through
// the binding, next to the same reads through the C ABI directly (bench_native.c, timed in C) in
// the same process, interleaved round by round. Prints per-read times and the ratios C# / C.
//
//   make -C bindings/dotnet bench [BENCH_ARGS="--sizes 1K,64M --rounds 7"]   (--smoke: 1K and 64K, few reps)
//
// Time is the reading thread's CPU time (user + system, CLOCK_THREAD_CPUTIME_ID) on both sides: the
// machines this runs on are shared, and wall time there measures the neighbours. What is compared,
// each pair doing the same native work:
//   open+read  Share.OpenFile + Share.Section + Dispose   vs kartla_share_open_file + kartla_share_section + frees
//   read       Share.Section (byte[]: one copy out of the guarded buffer) vs kartla_share_section
//   into       Share.SectionInto (a reused byte[]: no copy)             vs kartla_share_section_into (a reused malloc buffer)
// Both sides keep one open share and one touched buffer across all rounds of "read" and "into".
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Kartla;

public static class Bench
{
    [DllImport("kartla_bench_native")] static extern IntPtr kbench_open_agency(string path, byte[] passphrase, UIntPtr length);
    [DllImport("kartla_bench_native")] static extern void kbench_free_agency(IntPtr agency);
    [DllImport("kartla_bench_native")] static extern double kbench_thread_cpu();
    [DllImport("kartla_bench_native")] static extern IntPtr kbench_open_reader(IntPtr agency, string bundle, string section, long at);
    [DllImport("kartla_bench_native")] static extern void kbench_free_reader(IntPtr reader);
    [DllImport("kartla_bench_native")] static extern double kbench_read(IntPtr agency, IntPtr reader, string bundle, string section, long at, int mode, int reps);

    static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1767225600);
    static readonly DateTimeOffset ReadAt = Now.AddDays(1);

    // ---- The payload: a documents section of exactly `total` bytes (as bench/payload.cpp) ----------

    static void Varint(List<byte> o, ulong v) { while (v >= 0x80) { o.Add((byte)(v | 0x80)); v >>= 7; } o.Add((byte)v); }
    static void Tag(List<byte> o, int field, int wire) { Varint(o, (ulong)(field << 3 | wire)); }
    static void Bytes(List<byte> o, int field, byte[] b) { Tag(o, field, 2); Varint(o, (ulong)b.Length); o.AddRange(b); }
    static void Text(List<byte> o, int field, string s) { Bytes(o, field, Encoding.UTF8.GetBytes(s)); }
    static int VarintSize(ulong v) { int n = 1; while (v >= 0x80) { v >>= 7; n++; } return n; }

    static List<byte> Metadata(string title, long size, byte[] sha)
    {
        var m = new List<byte>();
        Text(m, 1, "bench-document");
        Tag(m, 2, 0); Varint(m, 10);                       // kind = OTHER
        Text(m, 3, title);
        Text(m, 6, "application/octet-stream");
        Tag(m, 7, 0); Varint(m, (ulong)size);             // size_bytes
        Bytes(m, 8, sha);                                  // sha256
        return m;
    }

    static byte[] DocumentSection(int total)
    {
        var ts = new List<byte>(); Tag(ts, 1, 0); Varint(ts, 1700000000);
        var assertion = new List<byte>(); Tag(assertion, 1, 0); Varint(assertion, 1); Bytes(assertion, 4, ts.ToArray());
        var noHash = new byte[32];
        string title = "benchmark payload";
        Func<int, int> size = c =>
        {
            int entry = Metadata(title, c, noHash).Count + 1 + VarintSize((ulong)c) + c + 1 + VarintSize((ulong)assertion.Count) + assertion.Count;
            return 1 + VarintSize((ulong)entry) + entry;
        };
        int content = total - Metadata(title, total, noHash).Count;
        while (size(content) > total) content--;
        while (size(content) < total) title += ".";
        var blob = new byte[content];
        using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(blob);
        byte[] sha;
        using (var h = SHA256.Create()) sha = h.ComputeHash(blob);
        var entryBytes = Metadata(title, content, sha);
        Bytes(entryBytes, 9, blob);                        // inline_content
        Bytes(entryBytes, 14, assertion.ToArray());        // assertion
        var section = new List<byte>(total);
        Bytes(section, 1, entryBytes.ToArray());           // Documents.entries
        if (section.Count != total) throw new InvalidOperationException("payload size arithmetic is wrong");
        return section.ToArray();
    }

    // ---- Timing ---------------------------------------------------------------------------------

    static double Median(List<double> xs) { var s = xs.OrderBy(x => x).ToList(); return s[s.Count / 2]; }

    static double TimeCs(Identity agency, string bundle, int mode, int reps, byte[] mine, Share open)
    {
        double start = kbench_thread_cpu();
        for (int i = 0; i < reps; i++)
        {
            if (mode == 0)
            {
                using (var share = Share.OpenFile(bundle, agency)) share.Section("documents", ReadAt);
            }
            else if (mode == 1)
            {
                open.Section("documents", ReadAt);
            }
            else
            {
                open.SectionInto("documents", mine, ReadAt);
            }
        }
        return kbench_thread_cpu() - start;
    }

    static string Runtime()
    {
        Type mono = Type.GetType("Mono.Runtime");
        if (mono == null) return RuntimeInformation.FrameworkDescription;
        var name = mono.GetMethod("GetDisplayName", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        return "Mono " + (name != null ? name.Invoke(null, null) : Environment.Version.ToString());
    }

    public static int Main(string[] args)
    {
        var sizes = new List<string> { "1K", "64M" };
        int rounds = 7;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--sizes") sizes = args[++i].Split(',').ToList();
            else if (args[i] == "--rounds") rounds = int.Parse(args[++i]);
            else if (args[i] == "--smoke") { sizes = new List<string> { "1K", "64K" }; rounds = 2; }
            else { Console.Error.WriteLine("usage: KartlaBench.exe [--sizes 1K,64M] [--rounds N] [--smoke]"); return 2; }
        }
        string dir = Path.Combine(Path.GetTempPath(), "kartla-dotnet-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        char[] pw = "benchmark passphrase".ToCharArray();
        byte[] pwBytes = Encoding.UTF8.GetBytes(pw);
        var kdf = new IdentityOptions { KdfMemLimitMib = 64, KdfOpsLimit = 3 };
        Console.WriteLine("Kartla {0}, .NET binding on {1}, {2}, {3} cores, {4:yyyy-MM-dd}", Library.Version,
                          Runtime(),
                          RuntimeInformation.OSDescription.Trim(), Environment.ProcessorCount, DateTime.UtcNow);
        Console.WriteLine("CPU time of the reading thread per read, median of {0} interleaved rounds (min in brackets); ratio = C# / C of the medians", rounds);
        try
        {
            IdentityCreation owner = Identity.Create(pw, kdf);
            IdentityCreation agency = Identity.CreateAgency(
                new AgencyInfo { Name = "Landskrona stad", OrganisationNumber = "212000-1140", Role = "municipal_labour_unit" }, pw, kdf);
            string agencyPath = Path.Combine(dir, "agency.id");
            agency.Identity.Save(agencyPath);
            IntPtr cAgency = kbench_open_agency(agencyPath, pwBytes, (UIntPtr)(uint)pwBytes.Length);
            if (cAgency == IntPtr.Zero) throw new InvalidOperationException("the C side could not open the agency");
            long at = ReadAt.ToUnixTimeSeconds();
            foreach (string label in sizes)
            {
                int total = label.EndsWith("M") ? int.Parse(label.TrimEnd('M')) << 20 : int.Parse(label.TrimEnd('K')) << 10;
                string bundle = Path.Combine(dir, label + ".bundle");
                using (var record = Record.Create(owner.Identity))
                {
                    record.SetClock(Now);
                    record.SetSection("documents", DocumentSection(total));
                    string grant = record.Share(agency.Identity.Card(), new[] { "documents" }, new ShareOptions { Purpose = "benchmark", Now = Now });
                    string path = Path.Combine(dir, label + ".kartla");
                    record.Save(path);
                    record.ExportBundle(grant, bundle);
                }
                int reps = Math.Max(1, Math.Min(2000, (256 << 20) / total / 16));
                if (args.Contains("--smoke")) reps = Math.Min(reps, 20);
                IntPtr reader = kbench_open_reader(cAgency, bundle, "documents", at);
                if (reader == IntPtr.Zero) throw new InvalidOperationException("the C side could not open the bundle");
                using (var open = Share.OpenFile(bundle, agency.Identity))
                {
                    var mine = new byte[open.SectionSize("documents", ReadAt)];
                    foreach (var m in new[] { Tuple.Create(0, "open+read"), Tuple.Create(1, "read (byte[])"), Tuple.Create(2, "into (caller's array)") })
                    {
                        int mode = m.Item1;
                        // Warm up both sides (JIT, page cache, the allocator's pools).
                        TimeCs(agency.Identity, bundle, mode, Math.Min(reps, 3), mine, open);
                        kbench_read(cAgency, reader, bundle, "documents", at, mode, Math.Min(reps, 3));
                        var cs = new List<double>();
                        var c = new List<double>();
                        for (int r = 0; r < rounds; r++)
                        {
                            double ct = kbench_read(cAgency, reader, bundle, "documents", at, mode, reps);
                            if (ct < 0) throw new InvalidOperationException("the C side failed");
                            c.Add(ct / reps);
                            cs.Add(TimeCs(agency.Identity, bundle, mode, reps, mine, open) / reps);
                        }
                        double ratio = Median(cs) / Median(c);
                        Console.WriteLine("{0,4} {1,-22} C# {2,10:F1} us [{3,10:F1}]   C {4,10:F1} us [{5,10:F1}]   ratio {6:F3}x  ({7} reads x {8})",
                                          label, m.Item2, Median(cs) * 1e6, cs.Min() * 1e6, Median(c) * 1e6, c.Min() * 1e6, ratio, reps, rounds);
                    }
                    Array.Clear(mine, 0, mine.Length);
                }
                kbench_free_reader(reader);
                File.Delete(bundle);
                File.Delete(Path.Combine(dir, label + ".kartla"));
            }
            kbench_free_agency(cAgency);
            owner.Identity.Dispose();
            agency.Identity.Dispose();
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
