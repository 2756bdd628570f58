// SPDX-License-Identifier: Apache-2.0
// EXPERIMENTAL TIER (docs/API-STABILITY.md): trust roots and trust lists (kartla/experimental/trust.h).
using System;

namespace Kartla.Experimental
{
    /// <summary>Trust roots: the identities that sign trust lists (docs/SPEC.md §13.3). Experimental.</summary>
    public static unsafe class TrustRoots
    {
        private static IdentityCreation CreateCore(string name, IdentityOptions options, byte* passphrase, UIntPtr length)
        {
            NativeIdentityOptions o = options != null ? options.ToNative() : default(NativeIdentityOptions);
            using (var n = NativeText.From(name, nameof(name)))
            {
                var code = new NativeBuffer();
                try
                {
                    IdentityHandle handle;
                    Out.Check(Native.kartla_identity_new_trust_root(n.Ptr, options != null ? &o : null, passphrase, length, out handle, &code));
                    return Identity.Created(handle, &code);
                }
                finally
                {
                    Out.Free(&code);
                }
            }
        }

        /// <summary>As <see cref="Identity.Create(byte[], IdentityOptions)"/>, for a trust root named <paramref name="name"/> (<c>kartla_identity_new_trust_root</c>).</summary>
        public static IdentityCreation Create(string name, byte[] passphrase, IdentityOptions options = null)
        {
            Args.NotNull(passphrase, nameof(passphrase));
            fixed (byte* p = passphrase) return CreateCore(name, options, p, (UIntPtr)(uint)passphrase.Length);
        }

        /// <summary>As <see cref="Create(string, byte[], IdentityOptions)"/>.</summary>
        public static IdentityCreation Create(string name, char[] passphrase, IdentityOptions options = null)
        {
            using (var t = NativeText.FromChars(passphrase, nameof(passphrase))) return CreateCore(name, options, t.Ptr, t.Size);
        }
    }

    /// <summary>
    /// What a trust root is about to sign (<c>kartla_trust_draft</c>). The caller owns it;
    /// <see cref="Dispose"/> releases it. Experimental.
    /// </summary>
    /// <remarks>Thread safety: the C draft must not be used by two threads at once; this class serialises its calls with a lock.</remarks>
    public sealed unsafe class TrustDraft : IDisposable
    {
        internal readonly TrustDraftHandle Handle;
        private readonly object _sync = new object();

        private TrustDraft(TrustDraftHandle handle)
        {
            Handle = handle;
        }

        private delegate T DraftCall<T>(IntPtr draft);

        private T Locked<T>(DraftCall<T> call)
        {
            if (Handle.IsClosed) throw new ObjectDisposedException(nameof(TrustDraft));
            lock (_sync)
            {
                using (var lease = new HandleLease(Handle, nameof(TrustDraft))) return call(lease.Ptr);
            }
        }

        /// <summary>An empty draft with this sequence number (at least 1; one more than the previous list's).</summary>
        public static TrustDraft Create(ulong sequence)
        {
            TrustDraftHandle h;
            Out.Check(Native.kartla_trust_draft_new(sequence, out h));
            return new TrustDraft(h);
        }

        /// <summary>The next version of an existing trust-list file: its agencies, sequence + 1. Its signature is checked, not its expiry.</summary>
        public static TrustDraft Next(byte[] trustList)
        {
            Args.NotNull(trustList, nameof(trustList));
            fixed (byte* l = trustList)
            {
                TrustDraftHandle h;
                Out.Check(Native.kartla_trust_draft_next(l, (UIntPtr)(uint)trustList.Length, out h));
                return new TrustDraft(h);
            }
        }

        /// <summary>
        /// Adds an agency card with the role the root vouches for and its validity period
        /// (<paramref name="validUntil"/> null: until the list expires). InvalidArgument for a card
        /// that is not an agency's, an unknown role, an agency already on the draft or an empty period.
        /// </summary>
        public void Add(byte[] agencyCard, string role, DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
        {
            Args.NotNull(agencyCard, nameof(agencyCard));
            long from = Time.Seconds(validFrom, nameof(validFrom));
            long until = Time.Seconds(validUntil, nameof(validUntil));
            using (var r = NativeText.From(role, nameof(role)))
            fixed (byte* c = agencyCard)
            {
                byte* cp = c, rp = r.Ptr;
                Locked<object>(p =>
                {
                    Out.Check(Native.kartla_trust_draft_add(p, cp, (UIntPtr)(uint)agencyCard.Length, rp, from, until));
                    return null;
                });
            }
        }

        /// <summary>Removes the agency with this card's keys; true if it was on the draft.</summary>
        public bool Remove(byte[] agencyCard)
        {
            Args.NotNull(agencyCard, nameof(agencyCard));
            fixed (byte* c = agencyCard)
            {
                byte* cp = c;
                return Locked(p =>
                {
                    int removed;
                    Out.Check(Native.kartla_trust_draft_remove(p, cp, (UIntPtr)(uint)agencyCard.Length, &removed));
                    return removed != 0;
                });
            }
        }

        /// <summary>The draft's sequence number.</summary>
        public ulong Sequence()
        {
            return Locked(p =>
            {
                ulong n;
                Out.Check(Native.kartla_trust_draft_sequence(p, &n));
                return n;
            });
        }

        /// <summary>
        /// The trust-list file signed by <paramref name="root"/> (a trust root's identity), issued at
        /// <paramref name="issuedAt"/> (null = now), expiring at <paramref name="expiresAt"/>
        /// (<c>kartla_trust_list_sign</c>). InvalidArgument if <paramref name="root"/> is not a trust root.
        /// </summary>
        public byte[] Sign(Identity root, DateTimeOffset expiresAt, DateTimeOffset? issuedAt = null)
        {
            Args.NotNull(root, nameof(root));
            long issued = Time.Seconds(issuedAt, nameof(issuedAt));
            long expires = Time.Seconds(expiresAt, nameof(expiresAt));
            using (var r = root.Read())
            {
                var rp = r.Ptr;
                return Locked(p => Out.BytesFrom(b => Native.kartla_trust_list_sign(rp, p, issued, expires, b)));
            }
        }

        /// <summary>Releases the draft (<c>kartla_trust_draft_free</c>).</summary>
        public void Dispose()
        {
            Handle.Dispose();
        }
    }

    /// <summary>Verifying trust lists (docs/SPEC.md §13.3). Experimental; stateless and thread-safe.</summary>
    public static unsafe class TrustLists
    {
        private static T VerifyCore<T>(byte[] trustList, byte[] expectedRootCard, ulong lastSeen, DateTimeOffset? now, int encoding,
                                       Func<BufferFill, T> read)
        {
            Args.NotNull(trustList, nameof(trustList));
            byte[] root = expectedRootCard ?? new byte[0];
            long when = Time.Seconds(now, nameof(now));
            fixed (byte* l = trustList)
            fixed (byte* r = root)
            {
                byte* lp = l, rp = r;
                return read(b => Native.kartla_trust_list_verify(lp, (UIntPtr)(uint)trustList.Length, rp, (UIntPtr)(uint)root.Length,
                                                                 lastSeen, when, encoding, b));
            }
        }

        /// <summary>
        /// Verifies a trust-list file at <paramref name="now"/> (null = now; <c>kartla_trust_list_verify</c>):
        /// the root's signature, that the root is the one whose card is <paramref name="expectedRootCard"/>
        /// (null: whichever signed it), a sequence of at least <paramref name="lastSeen"/> (0: none) and
        /// no expiry. Returns the JSON of <c>kartla.v1.TrustListDescription</c>. Format / Limit / Version
        /// malformed; Signature a bad signature or another root; Rollback older; Expired expired.
        /// </summary>
        public static string VerifyJson(byte[] trustList, byte[] expectedRootCard = null, ulong lastSeen = 0, DateTimeOffset? now = null)
        {
            return VerifyCore(trustList, expectedRootCard, lastSeen, now, Encodings.Json, Out.StringFrom);
        }

        /// <summary>As <see cref="VerifyJson"/>, the protobuf bytes of <c>kartla.v1.TrustListDescription</c>.</summary>
        public static byte[] VerifyProtobuf(byte[] trustList, byte[] expectedRootCard = null, ulong lastSeen = 0, DateTimeOffset? now = null)
        {
            return VerifyCore(trustList, expectedRootCard, lastSeen, now, Encodings.Protobuf, Out.BytesFrom);
        }
    }
}
