// SPDX-License-Identifier: Apache-2.0
using System;
using System.Threading;
#if KARTLA_SPAN
using System.Runtime.InteropServices;
#endif

namespace Kartla
{
    /// <summary>Argon2id cost and creation time of a new identity (<c>kartla_identity_options</c>).</summary>
    public sealed class IdentityOptions
    {
        /// <summary>Argon2id passes; 0 = the default (3); allowed 3..16.</summary>
        public uint KdfOpsLimit { get; set; }
        /// <summary>Argon2id memory in MiB; 0 = the default (256); allowed 64..1024.</summary>
        public uint KdfMemLimitMib { get; set; }
        /// <summary>The time written into the card; null = now.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        internal unsafe NativeIdentityOptions ToNative()
        {
            var o = new NativeIdentityOptions();
            Native.kartla_identity_options_init(&o);
            o.KdfOpsLimit = KdfOpsLimit;
            o.KdfMemLimitMib = KdfMemLimitMib;
            o.CreatedAt = Time.Seconds(CreatedAt, nameof(CreatedAt));
            return o;
        }
    }

    /// <summary>What an agency's card says about it (<c>kartla_agency_info</c>).</summary>
    public sealed class AgencyInfo
    {
        /// <summary>Required, at most 256 bytes of UTF-8.</summary>
        public string Name { get; set; }
        /// <summary>A Swedish NNNNNN-NNNN (Luhn-checked) or Finnish Y-tunnus NNNNNNN-N.</summary>
        public string OrganisationNumber { get; set; }
        /// <summary>One of <see cref="Library.AgencyRoles"/>.</summary>
        public string Role { get; set; }
    }

    /// <summary>
    /// A new identity and its recovery code. Show the code to the person once: it is never
    /// stored and cannot be shown again. It is a <c>char[]</c> so that it can be wiped
    /// (<see cref="WipeRecoveryCode"/>) once shown; the binding made no other managed copy of it.
    /// </summary>
    public sealed class IdentityCreation
    {
        /// <summary>The unlocked identity; the caller owns it and disposes it.</summary>
        public Identity Identity { get; }
        /// <summary>Nine groups of four hex digits.</summary>
        public char[] RecoveryCode { get; }

        internal IdentityCreation(Identity identity, char[] recoveryCode)
        {
            Identity = identity;
            RecoveryCode = recoveryCode;
        }

        /// <summary>Overwrites <see cref="RecoveryCode"/> with zeros.</summary>
        public void WipeRecoveryCode()
        {
            Array.Clear(RecoveryCode, 0, RecoveryCode.Length);
        }
    }

    /// <summary>
    /// An owner's, agency's or trust root's identity: Ed25519 + X25519 keys, unlocked
    /// (<c>kartla_identity</c>, kartla/identity.h). The caller owns it; <see cref="Dispose"/> wipes
    /// the keys and releases them (the finalizer does so too if Dispose is forgotten). After
    /// Dispose every member throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <remarks>
    /// Thread safety: may be used by several threads at once; <see cref="SetPassphrase(byte[])"/>
    /// and <see cref="UseStateFolder"/> need exclusive use, which this class enforces with a lock
    /// (they wait for the other calls on it, and those for them).
    /// Passphrases: as <c>byte[]</c> (UTF-8; pinned, never copied) or <c>char[]</c> (encoded
    /// into unmanaged memory that is wiped before the call returns). Your own array stays yours to
    /// wipe (<c>Array.Clear</c>): the binding cannot know when you no longer need it.
    /// </remarks>
    public sealed unsafe class Identity : IDisposable
    {
        internal readonly IdentityHandle Handle;
        // Readers: every call taking a const kartla_identity *; writer: the two that mutate it.
        internal readonly ReaderWriterLockSlim Gate = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);

        internal Identity(IdentityHandle handle)
        {
            Handle = handle;
        }

        /// <summary>
        /// A lease on the handle under the read lock: for calls that take the identity as
        /// <c>const kartla_identity *</c>. Dispose releases both.
        /// </summary>
        internal ReadLease Read()
        {
            return new ReadLease(this);
        }

        internal struct ReadLease : IDisposable
        {
            private Identity _identity;
            private HandleLease _lease;
            public IntPtr Ptr => _lease.Ptr;

            public ReadLease(Identity identity)
            {
                _identity = identity;
                _lease = default(HandleLease);
                if (identity.Handle.IsClosed) throw new ObjectDisposedException(nameof(Identity));
                identity.Gate.EnterReadLock();
                try
                {
                    _lease = new HandleLease(identity.Handle, nameof(Identity));
                }
                catch
                {
                    identity.Gate.ExitReadLock();
                    throw;
                }
            }

            public void Dispose()
            {
                if (_identity == null) return;
                _lease.Dispose();
                _identity.Gate.ExitReadLock();
                _identity = null;
            }
        }

        internal delegate IdentityHandle SecretCall(byte* secret, UIntPtr length);

        internal static IdentityHandle WithSecret(byte[] secret, string paramName, SecretCall call)
        {
            Args.NotNull(secret, paramName);
            fixed (byte* p = secret)
            {
                return call(p, (UIntPtr)(uint)secret.Length);
            }
        }

        internal static IdentityHandle WithSecret(char[] secret, string paramName, SecretCall call)
        {
            using (var t = NativeText.FromChars(secret, paramName))
            {
                return call(t.Ptr, t.Size);
            }
        }

#if KARTLA_SPAN
        internal static IdentityHandle WithSecret(ReadOnlySpan<byte> secret, SecretCall call)
        {
            fixed (byte* p = &MemoryMarshal.GetReference(secret))
            {
                return call(p, (UIntPtr)(uint)secret.Length);
            }
        }

        internal static IdentityHandle WithSecret(ReadOnlySpan<char> secret, string paramName, SecretCall call)
        {
            fixed (char* c = &MemoryMarshal.GetReference(secret))
            {
                using (var t = NativeText.FromChars(c, secret.Length, paramName))
                {
                    return call(t.Ptr, t.Size);
                }
            }
        }
#endif

        internal static IdentityCreation Created(IdentityHandle handle, NativeBuffer* code)
        {
            // Built before anything can throw, so that the handle is never left unowned.
            var identity = new Identity(handle);
            try
            {
                return new IdentityCreation(identity, Out.Chars(code));
            }
            catch
            {
                identity.Dispose();
                throw;
            }
        }

        // ---- Creating -------------------------------------------------------------------------

        private static IdentityCreation CreateCore(IdentityOptions options, byte* passphrase, UIntPtr length)
        {
            NativeIdentityOptions o = options != null ? options.ToNative() : default(NativeIdentityOptions);
            var code = new NativeBuffer();
            try
            {
                IdentityHandle handle;
                Out.Check(Native.kartla_identity_new(options != null ? &o : null, passphrase, length, out handle, &code));
                return Created(handle, &code);
            }
            finally
            {
                Out.Free(&code);
            }
        }

        /// <summary>
        /// Creates a new owner identity, unlocked (<c>kartla_identity_new</c>). The passphrase must
        /// not be empty. <paramref name="options"/> null = the defaults (Argon2id 256 MiB, 3 passes).
        /// </summary>
        public static IdentityCreation Create(byte[] passphrase, IdentityOptions options = null)
        {
            Args.NotNull(passphrase, nameof(passphrase));
            fixed (byte* p = passphrase) return CreateCore(options, p, (UIntPtr)(uint)passphrase.Length);
        }

        /// <summary>As <see cref="Create(byte[], IdentityOptions)"/>, the passphrase as characters (UTF-8 encoded, the encoding wiped).</summary>
        public static IdentityCreation Create(char[] passphrase, IdentityOptions options = null)
        {
            using (var t = NativeText.FromChars(passphrase, nameof(passphrase))) return CreateCore(options, t.Ptr, t.Size);
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="Create(byte[], IdentityOptions)"/>.</summary>
        public static IdentityCreation Create(ReadOnlySpan<byte> passphrase, IdentityOptions options = null)
        {
            fixed (byte* p = &MemoryMarshal.GetReference(passphrase)) return CreateCore(options, p, (UIntPtr)(uint)passphrase.Length);
        }
#endif

        private static IdentityCreation CreateAgencyCore(AgencyInfo info, IdentityOptions options, byte* passphrase, UIntPtr length)
        {
            Args.NotNull(info, nameof(info));
            NativeIdentityOptions o = options != null ? options.ToNative() : default(NativeIdentityOptions);
            using (var name = NativeText.From(info.Name, "info.Name"))
            using (var org = NativeText.From(info.OrganisationNumber, "info.OrganisationNumber"))
            using (var role = NativeText.From(info.Role, "info.Role"))
            {
                var i = new NativeAgencyInfo();
                Native.kartla_agency_info_init(&i);
                i.Name = name.Ptr;
                i.OrganisationNumber = org.Ptr;
                i.Role = role.Ptr;
                var code = new NativeBuffer();
                try
                {
                    IdentityHandle handle;
                    Out.Check(Native.kartla_identity_new_agency(&i, options != null ? &o : null, passphrase, length, out handle, &code));
                    return Created(handle, &code);
                }
                finally
                {
                    Out.Free(&code);
                }
            }
        }

        /// <summary>
        /// Creates an agency's identity (<c>kartla_identity_new_agency</c>): its card names the
        /// agency, its organisation number and role. KartlaException InvalidArgument names what is
        /// wrong with <paramref name="info"/>.
        /// </summary>
        public static IdentityCreation CreateAgency(AgencyInfo info, byte[] passphrase, IdentityOptions options = null)
        {
            Args.NotNull(passphrase, nameof(passphrase));
            fixed (byte* p = passphrase) return CreateAgencyCore(info, options, p, (UIntPtr)(uint)passphrase.Length);
        }

        /// <summary>As <see cref="CreateAgency(AgencyInfo, byte[], IdentityOptions)"/>.</summary>
        public static IdentityCreation CreateAgency(AgencyInfo info, char[] passphrase, IdentityOptions options = null)
        {
            using (var t = NativeText.FromChars(passphrase, nameof(passphrase))) return CreateAgencyCore(info, options, t.Ptr, t.Size);
        }

        // ---- Opening --------------------------------------------------------------------------

        private static Identity Opened(IdentityHandle handle) { return new Identity(handle); }

        /// <summary>
        /// Unlocks an identity file's bytes with its passphrase (<c>kartla_identity_open</c>).
        /// Auth for a wrong passphrase; Format or Limit for a file whose Argon2id parameters are
        /// outside the allowed range (refused before any hashing).
        /// </summary>
        public static Identity Open(byte[] file, byte[] passphrase)
        {
            Args.NotNull(file, nameof(file));
            fixed (byte* f = file)
            {
                byte* fp = f;
                UIntPtr fl = (UIntPtr)(uint)file.Length;
                return Opened(WithSecret(passphrase, nameof(passphrase), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_open(fp, fl, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>As <see cref="Open(byte[], byte[])"/>.</summary>
        public static Identity Open(byte[] file, char[] passphrase)
        {
            Args.NotNull(file, nameof(file));
            fixed (byte* f = file)
            {
                byte* fp = f;
                UIntPtr fl = (UIntPtr)(uint)file.Length;
                return Opened(WithSecret(passphrase, nameof(passphrase), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_open(fp, fl, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>As <see cref="Open(byte[], byte[])"/>, from a file (<c>kartla_identity_open_file</c>).</summary>
        public static Identity OpenFile(string path, byte[] passphrase)
        {
            using (var t = NativeText.From(path, nameof(path)))
            {
                byte* tp = t.Ptr;
                return Opened(WithSecret(passphrase, nameof(passphrase), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_open_file(tp, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>As <see cref="OpenFile(string, byte[])"/>.</summary>
        public static Identity OpenFile(string path, char[] passphrase)
        {
            using (var t = NativeText.From(path, nameof(path)))
            {
                byte* tp = t.Ptr;
                return Opened(WithSecret(passphrase, nameof(passphrase), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_open_file(tp, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>
        /// Unlocks with the recovery code instead (<c>kartla_identity_recover</c>; any case, '-'
        /// and ' ' ignored). A mistyped and a wrong code are both Auth, with different messages.
        /// </summary>
        public static Identity Recover(byte[] file, char[] recoveryCode)
        {
            Args.NotNull(file, nameof(file));
            fixed (byte* f = file)
            {
                byte* fp = f;
                UIntPtr fl = (UIntPtr)(uint)file.Length;
                return Opened(WithSecret(recoveryCode, nameof(recoveryCode), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_recover(fp, fl, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>As <see cref="Recover(byte[], char[])"/>, the code as UTF-8 bytes.</summary>
        public static Identity Recover(byte[] file, byte[] recoveryCode)
        {
            Args.NotNull(file, nameof(file));
            fixed (byte* f = file)
            {
                byte* fp = f;
                UIntPtr fl = (UIntPtr)(uint)file.Length;
                return Opened(WithSecret(recoveryCode, nameof(recoveryCode), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_recover(fp, fl, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>As <see cref="Recover(byte[], char[])"/>, from a file.</summary>
        public static Identity RecoverFile(string path, char[] recoveryCode)
        {
            using (var t = NativeText.From(path, nameof(path)))
            {
                byte* tp = t.Ptr;
                return Opened(WithSecret(recoveryCode, nameof(recoveryCode), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_recover_file(tp, p, l, out h));
                    return h;
                }));
            }
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="OpenFile(string, byte[])"/>, the passphrase in any memory you own.</summary>
        public static Identity OpenFile(string path, ReadOnlySpan<byte> passphrase)
        {
            using (var t = NativeText.From(path, nameof(path)))
            {
                byte* tp = t.Ptr;
                return Opened(WithSecret(passphrase, (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_open_file(tp, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>As <see cref="OpenFile(string, char[])"/>.</summary>
        public static Identity OpenFile(string path, ReadOnlySpan<char> passphrase)
        {
            using (var t = NativeText.From(path, nameof(path)))
            {
                byte* tp = t.Ptr;
                return Opened(WithSecret(passphrase, nameof(passphrase), (p, l) =>
                {
                    IdentityHandle h;
                    Out.Check(Native.kartla_identity_open_file(tp, p, l, out h));
                    return h;
                }));
            }
        }

        /// <summary>As <see cref="Open(byte[], byte[])"/>.</summary>
        public static Identity Open(ReadOnlySpan<byte> file, ReadOnlySpan<byte> passphrase)
        {
            fixed (byte* f = &MemoryMarshal.GetReference(file))
            fixed (byte* p = &MemoryMarshal.GetReference(passphrase))
            {
                IdentityHandle h;
                Out.Check(Native.kartla_identity_open(f, (UIntPtr)(uint)file.Length, p, (UIntPtr)(uint)passphrase.Length, out h));
                return Opened(h);
            }
        }
#endif

        // ---- Members --------------------------------------------------------------------------

        private void SetPassphraseCore(byte* p, UIntPtr l)
        {
            if (Handle.IsClosed) throw new ObjectDisposedException(nameof(Identity));
            Gate.EnterWriteLock();
            try
            {
                using (var lease = new HandleLease(Handle, nameof(Identity)))
                    Out.Check(Native.kartla_identity_set_passphrase(lease.Ptr, p, l));
            }
            finally
            {
                Gate.ExitWriteLock();
            }
        }

        /// <summary>
        /// Locks the identity under a new passphrase (fresh salt; <c>kartla_identity_set_passphrase</c>).
        /// The recovery code stays valid. Reaches the disk only with <see cref="Save"/>.
        /// </summary>
        public void SetPassphrase(byte[] passphrase)
        {
            Args.NotNull(passphrase, nameof(passphrase));
            fixed (byte* p = passphrase) SetPassphraseCore(p, (UIntPtr)(uint)passphrase.Length);
        }

        /// <summary>As <see cref="SetPassphrase(byte[])"/>.</summary>
        public void SetPassphrase(char[] passphrase)
        {
            using (var t = NativeText.FromChars(passphrase, nameof(passphrase))) SetPassphraseCore(t.Ptr, t.Size);
        }

        /// <summary>
        /// Writes the locked identity file atomically, with the versions of records it has seen
        /// (<c>kartla_identity_save</c>). <paramref name="createOnly"/>: InvalidArgument if the path exists.
        /// </summary>
        public void Save(string path, bool createOnly = false)
        {
            using (var t = NativeText.From(path, nameof(path)))
            using (var lease = Read())
                Out.Check(Native.kartla_identity_save(lease.Ptr, t.Ptr, createOnly ? 1u : 0u));
        }

        /// <summary>The locked identity file's bytes (<c>kartla_identity_file_bytes</c>).</summary>
        public byte[] FileBytes()
        {
            var b = new NativeBuffer();
            try
            {
                using (var lease = Read()) Out.Check(Native.kartla_identity_file_bytes(lease.Ptr, &b));
                return Out.Bytes(&b);
            }
            finally
            {
                Out.Free(&b);
            }
        }

        /// <summary>The public card file's bytes, safe to give to anyone (<c>kartla_identity_card</c>).</summary>
        public byte[] Card()
        {
            var b = new NativeBuffer();
            try
            {
                using (var lease = Read()) Out.Check(Native.kartla_identity_card(lease.Ptr, &b));
                return Out.Bytes(&b);
            }
            finally
            {
                Out.Free(&b);
            }
        }

        /// <summary>The fingerprint: eight groups of four hex digits, to compare aloud.</summary>
        public string Fingerprint()
        {
            var b = new NativeBuffer();
            try
            {
                using (var lease = Read()) Out.Check(Native.kartla_identity_fingerprint(lease.Ptr, &b));
                return Out.String(&b);
            }
            finally
            {
                Out.Free(&b);
            }
        }

        /// <summary>
        /// Keeps the identity's record of versions seen also in <paramref name="folder"/>, a folder of
        /// this computer that does not travel with the record (<c>kartla_identity_use_state_folder</c>).
        /// IO if the folder cannot be used; Integrity if the file there was not written by this identity.
        /// </summary>
        public void UseStateFolder(string folder)
        {
            using (var t = NativeText.From(folder, nameof(folder)))
            {
                if (Handle.IsClosed) throw new ObjectDisposedException(nameof(Identity));
                Gate.EnterWriteLock();
                try
                {
                    using (var lease = new HandleLease(Handle, nameof(Identity)))
                        Out.Check(Native.kartla_identity_use_state_folder(lease.Ptr, t.Ptr));
                }
                finally
                {
                    Gate.ExitWriteLock();
                }
            }
        }

        /// <summary>Wipes the keys and releases the identity (<c>kartla_identity_free</c>). Calling it again does nothing.</summary>
        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
