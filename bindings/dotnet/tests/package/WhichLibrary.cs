// SPDX-License-Identifier: Apache-2.0
// A consumer of the Kartla package, compiled against the Kartla.dll it extracted: checks that the
// libkartla in this process is the package's runtimes/linux-x64/native/libkartla.so and no other
// file. `make package-test` runs it with no LD_LIBRARY_PATH, once per consumer layout.
//
//   mono WhichLibrary.exe EXPECTED_LIBRARY_FILE
using System;
using System.IO;
using System.Linq;
using Kartla;

public static class WhichLibrary
{
    public static int Main(string[] args)
    {
        string expected = Path.GetFullPath(args[0]);
        // A call into the library first: it is loaded when the first P/Invoke is bound.
        Console.WriteLine("kartla {0} (ABI {1})", Library.Version, Library.AbiVersion);
        // What the process has mapped, from the kernel rather than from the binding.
        string[] mapped = File.ReadAllLines("/proc/self/maps")
            .Where(line => line.Contains("/libkartla"))
            .Select(line => line.Substring(line.IndexOf('/')))
            .Distinct()
            .ToArray();
        Console.WriteLine("libkartla mapped from: " + string.Join(", ", mapped));
        if (mapped.Length != 1 || mapped[0] != expected)
        {
            Console.Error.WriteLine("expected libkartla from {0} only", expected);
            return 1;
        }
        return 0;
    }
}
