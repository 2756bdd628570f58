// SPDX-License-Identifier: Apache-2.0
// Test support: where the repository is, a small JSON reader and writer (Mono's System.Json is
// not part of netstandard, and the tests should build wherever the binding does), hex, a
// protobuf wire reader for spot checks of protobuf results, and the typed-error expectation.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Kartla;
using NUnit.Framework;

namespace Kartla.Tests
{
    internal static class Repo
    {
        private static string _root;

        /// <summary>KARTLA_SOURCE_DIR, else the first folder above the test assembly holding tests/bindings/scenario.json.</summary>
        public static string Root
        {
            get
            {
                if (_root != null) return _root;
                string env = Environment.GetEnvironmentVariable("KARTLA_SOURCE_DIR");
                if (!string.IsNullOrEmpty(env)) return _root = env;
                string dir = Path.GetDirectoryName(typeof(Repo).Assembly.Location);
                while (dir != null && !File.Exists(Path.Combine(dir, "tests/bindings/scenario.json"))) dir = Path.GetDirectoryName(dir);
                if (dir == null) throw new InvalidOperationException("set KARTLA_SOURCE_DIR to the repository root");
                return _root = dir;
            }
        }

        public static string PathOf(string relative) { return Path.Combine(Root, relative); }

        public static Json Load(string relative) { return Json.Parse(File.ReadAllText(PathOf(relative), Encoding.UTF8)); }
    }

    /// <summary>A temporary folder, removed on Dispose.</summary>
    internal sealed class TempDir : IDisposable
    {
        public readonly string Path;

        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kartla-dotnet-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string File(string name) { return System.IO.Path.Combine(Path, name); }

        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { }
        }
    }

    /// <summary>A parsed JSON value: object (ordered members), array, string, number (kept as text), bool or null.</summary>
    internal sealed class Json
    {
        public enum Kind { Object, Array, String, Number, Bool, Null }

        public Kind Type;
        public string Text;                      // string value, or a number's text
        public bool Bool;
        public List<KeyValuePair<string, Json>> Members;
        public List<Json> Items;

        public Json this[string key]
        {
            get
            {
                if (Type != Kind.Object) throw new InvalidOperationException("not an object: looking for " + key);
                foreach (var m in Members) if (m.Key == key) return m.Value;
                throw new KeyNotFoundException("no member " + key);
            }
        }

        public Json this[int index] => Items[index];
        public bool Has(string key) { return Type == Kind.Object && Members.Any(m => m.Key == key); }
        public string Str => Type == Kind.String ? Text : throw new InvalidOperationException("not a string");
        public long Long => long.Parse(Text, CultureInfo.InvariantCulture);
        public ulong ULong => ulong.Parse(Text, CultureInfo.InvariantCulture);
        public int Count => Type == Kind.Array ? Items.Count : Members.Count;
        public IEnumerable<Json> Array => Items;
        /// <summary>A number, or a 64-bit integer that protobuf JSON writes as a string.</summary>
        public long Integer => long.Parse(Text, CultureInfo.InvariantCulture);
        public byte[] Hex => Support.Hex(Str);
        public List<string> Strings => Items.Select(i => i.Str).ToList();

        public static Json Parse(string text)
        {
            int i = 0;
            Json v = Value(text, ref i);
            Skip(text, ref i);
            if (i != text.Length) throw new FormatException("trailing data at " + i);
            return v;
        }

        private static void Skip(string s, ref int i)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
        }

        private static Json Value(string s, ref int i)
        {
            Skip(s, ref i);
            if (i >= s.Length) throw new FormatException("unexpected end");
            char c = s[i];
            if (c == '{')
            {
                var o = new Json { Type = Kind.Object, Members = new List<KeyValuePair<string, Json>>() };
                i++;
                Skip(s, ref i);
                if (s[i] == '}') { i++; return o; }
                while (true)
                {
                    Skip(s, ref i);
                    string key = StringAt(s, ref i);
                    Skip(s, ref i);
                    if (s[i++] != ':') throw new FormatException("expected : at " + i);
                    o.Members.Add(new KeyValuePair<string, Json>(key, Value(s, ref i)));
                    Skip(s, ref i);
                    if (s[i] == ',') { i++; continue; }
                    if (s[i] == '}') { i++; return o; }
                    throw new FormatException("expected , or } at " + i);
                }
            }
            if (c == '[')
            {
                var a = new Json { Type = Kind.Array, Items = new List<Json>() };
                i++;
                Skip(s, ref i);
                if (s[i] == ']') { i++; return a; }
                while (true)
                {
                    a.Items.Add(Value(s, ref i));
                    Skip(s, ref i);
                    if (s[i] == ',') { i++; continue; }
                    if (s[i] == ']') { i++; return a; }
                    throw new FormatException("expected , or ] at " + i);
                }
            }
            if (c == '"') return new Json { Type = Kind.String, Text = StringAt(s, ref i) };
            if (s.Substring(i).StartsWith("true")) { i += 4; return new Json { Type = Kind.Bool, Bool = true }; }
            if (s.Substring(i, Math.Min(5, s.Length - i)) == "false") { i += 5; return new Json { Type = Kind.Bool, Bool = false }; }
            if (s.Substring(i, Math.Min(4, s.Length - i)) == "null") { i += 4; return new Json { Type = Kind.Null }; }
            int start = i;
            while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0) i++;
            if (start == i) throw new FormatException("unexpected " + c + " at " + i);
            return new Json { Type = Kind.Number, Text = s.Substring(start, i - start) };
        }

        private static string StringAt(string s, ref int i)
        {
            if (s[i] != '"') throw new FormatException("expected a string at " + i);
            i++;
            var sb = new StringBuilder();
            while (s[i] != '"')
            {
                char c = s[i++];
                if (c != '\\') { sb.Append(c); continue; }
                char e = s[i++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u': sb.Append((char)Convert.ToInt32(s.Substring(i, 4), 16)); i += 4; break;
                    default: throw new FormatException("bad escape at " + i);
                }
            }
            i++;
            return sb.ToString();
        }

        public string Write()
        {
            var sb = new StringBuilder();
            Write(sb);
            return sb.ToString();
        }

        private void Write(StringBuilder sb)
        {
            switch (Type)
            {
                case Kind.Object:
                    sb.Append('{');
                    for (int k = 0; k < Members.Count; k++)
                    {
                        if (k > 0) sb.Append(',');
                        Quote(sb, Members[k].Key);
                        sb.Append(':');
                        Members[k].Value.Write(sb);
                    }
                    sb.Append('}');
                    break;
                case Kind.Array:
                    sb.Append('[');
                    for (int k = 0; k < Items.Count; k++)
                    {
                        if (k > 0) sb.Append(',');
                        Items[k].Write(sb);
                    }
                    sb.Append(']');
                    break;
                case Kind.String: Quote(sb, Text); break;
                case Kind.Number: sb.Append(Text); break;
                case Kind.Bool: sb.Append(Bool ? "true" : "false"); break;
                default: sb.Append("null"); break;
            }
        }

        private static void Quote(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                else if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4"));
                else sb.Append(c);
            }
            sb.Append('"');
        }

        /// <summary>Sets (or adds) an object's member.</summary>
        public void Set(string key, Json value)
        {
            for (int k = 0; k < Members.Count; k++)
            {
                if (Members[k].Key != key) continue;
                Members[k] = new KeyValuePair<string, Json>(key, value);
                return;
            }
            Members.Add(new KeyValuePair<string, Json>(key, value));
        }
    }

    /// <summary>Reads protobuf wire format: enough to spot-check a result given as protobuf bytes.</summary>
    internal sealed class Wire
    {
        private readonly Dictionary<int, List<object>> _fields = new Dictionary<int, List<object>>();

        public Wire(byte[] bytes)
        {
            int i = 0;
            while (i < bytes.Length)
            {
                ulong key = Varint(bytes, ref i);
                int field = (int)(key >> 3);
                object value;
                switch ((int)(key & 7))
                {
                    case 0: value = Varint(bytes, ref i); break;
                    case 2:
                        int n = (int)Varint(bytes, ref i);
                        var sub = new byte[n];
                        System.Array.Copy(bytes, i, sub, 0, n);
                        i += n;
                        value = sub;
                        break;
                    case 1: value = BitConverter.ToUInt64(bytes, i); i += 8; break;
                    case 5: value = (ulong)BitConverter.ToUInt32(bytes, i); i += 4; break;
                    default: throw new FormatException("wire type " + (key & 7));
                }
                if (!_fields.ContainsKey(field)) _fields[field] = new List<object>();
                _fields[field].Add(value);
            }
        }

        private static ulong Varint(byte[] b, ref int i)
        {
            ulong v = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte x = b[i++];
                v |= (ulong)(x & 0x7f) << shift;
                if (x < 0x80) return v;
            }
        }

        public ulong Number(int field) { return _fields.ContainsKey(field) ? (ulong)_fields[field][0] : 0; }
        public string String(int field) { return _fields.ContainsKey(field) ? Encoding.UTF8.GetString((byte[])_fields[field][0]) : ""; }
        public List<Wire> Messages(int field)
        {
            return _fields.ContainsKey(field) ? _fields[field].Select(b => new Wire((byte[])b)).ToList() : new List<Wire>();
        }
    }

    internal static class Support
    {
        public static byte[] Hex(string hex)
        {
            var result = new byte[hex.Length / 2];
            for (int i = 0; i < result.Length; i++) result[i] = Convert.ToByte(hex.Substring(2 * i, 2), 16);
            return result;
        }

        public static byte[] Utf8(string s) { return Encoding.UTF8.GetBytes(s); }

        /// <summary>The KartlaException <paramref name="call"/> throws, checked to carry <paramref name="expected"/> and a message.</summary>
        public static KartlaException Expect(Status expected, TestDelegate call)
        {
            KartlaException e = null;
            try
            {
                call();
            }
            catch (KartlaException caught)
            {
                e = caught;
            }
            Assert.IsNotNull(e, "expected KartlaException " + expected + ", nothing was thrown");
            Assert.AreEqual(expected, e.Status, e.Message);
            Assert.AreEqual(Library.StatusName(expected), e.StatusName);
            Assert.IsFalse(string.IsNullOrEmpty(e.LibraryMessage), "the library's message is empty");
            return e;
        }

        /// <summary>The status name a call gives: "OK", or its KartlaException's.</summary>
        public static string StatusOf(Action call)
        {
            try
            {
                call();
                return "OK";
            }
            catch (KartlaException e)
            {
                return e.StatusName;
            }
        }

        public static bool Same(byte[] a, byte[] b)
        {
            return a.Length == b.Length && a.SequenceEqual(b);
        }
    }
}
