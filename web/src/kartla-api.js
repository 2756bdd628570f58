// SPDX-License-Identifier: Apache-2.0
// The JavaScript API over the WebAssembly build of the C ABI (include/kartla/*.h): a thin layer
// that mirrors the stable tier one function to one method. Handles are classes with close();
// every failure is a KartlaError carrying the status by name and the library's message; bytes go
// in and out as Uint8Array, text as strings. Section content goes both ways, as protobuf bytes
// and as protobuf JSON.
//
// It is synchronous, as the C ABI is: the page runs it inside a Web Worker (kartla-worker.js), so
// that Argon2id never blocks the page; Node's tests call it directly.
//
// Loaded as a classic script (a page opened from a USB stick by file path may not load modules)
// or by require() in Node: it defines KartlaApi.load(createKartlaModule).
(function (root) {
  'use strict';

  const BUFFER_SIZE = 12; // kartla_buffer: data, len, internal (wasm32 pointers and size_t)

  class KartlaError extends Error {
    constructor(status, statusName, message) {
      super(`${statusName}: ${message}`);
      this.name = 'KartlaError';
      this.status = statusName; // "E_AUTH", ... (kartla_status_name)
      this.code = status; // the numeric kartla_status
      this.detail = message; // kartla_last_error()
    }
  }

  function bind(M) {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const heap = () => M.HEAPU8;
    let scratchFiles = 0;

    // Memory this call allocates, released (inputs wiped first) however the call ends.
    class Frame {
      constructor() { this.blocks = []; }
      alloc(size) {
        const p = M._malloc(Math.max(size, 1));
        if (!p) throw new KartlaError(15, 'E_NO_MEMORY', 'the WebAssembly heap is full');
        this.blocks.push([p, size]);
        heap().fill(0, p, p + Math.max(size, 1));
        return p;
      }
      bytes(data) {
        const u = data instanceof Uint8Array ? data : new Uint8Array(data);
        const p = this.alloc(u.length);
        heap().set(u, p);
        return [p, u.length];
      }
      text(s) { // NUL-terminated UTF-8
        const u = encoder.encode(String(s));
        const p = this.alloc(u.length + 1);
        heap().set(u, p);
        return p;
      }
      optionalText(s) { return s === undefined || s === null ? 0 : this.text(s); }
      buffer() {
        const p = this.alloc(BUFFER_SIZE);
        M._kartla_buffer_init(p);
        this.blocks.push([p, -1]); // freed with kartla_buffer_free
        return p;
      }
      release() {
        for (const [p, size] of this.blocks.reverse()) {
          if (size === -1) M._kartla_buffer_free(p);
          else { heap().fill(0, p, p + Math.max(size, 1)); M._free(p); }
        }
        this.blocks = [];
      }
    }

    function frame(fn) {
      const f = new Frame();
      try { return fn(f); } finally { f.release(); }
    }

    function check(status) {
      if (status === 0) return;
      const message = M.UTF8ToString(M._kartla_last_error());
      const name = M.UTF8ToString(M._kartla_status_name(status));
      throw new KartlaError(status, name, message);
    }

    const u32 = (p) => M.HEAPU32[p >>> 2];
    const setU32 = (p, v) => { M.HEAPU32[p >>> 2] = v >>> 0; };
    const setI64 = (p, v) => { // two's complement, little-endian
      const big = BigInt.asUintN(64, BigInt(v));
      M.HEAPU32[p >>> 2] = Number(big & 0xffffffffn);
      M.HEAPU32[(p >>> 2) + 1] = Number(big >> 32n);
    };
    const u64 = (p) => (BigInt(M.HEAPU32[(p >>> 2) + 1]) << 32n) | BigInt(M.HEAPU32[p >>> 2]);
    const time = (v) => BigInt(v || 0); // int64_t arguments (WASM_BIGINT)

    function bufferBytes(b) { return heap().slice(u32(b), u32(b) + u32(b + 4)); }
    function bufferText(b) { return decoder.decode(heap().subarray(u32(b), u32(b) + u32(b + 4))); }
    // outBytes / outText / outJSON(fn): calls fn(buffer) and copies the result out of guarded memory.
    const outBytes = (fn) => frame((f) => { const b = f.buffer(); check(fn(b, f)); return bufferBytes(b); });
    const outText = (fn) => frame((f) => { const b = f.buffer(); check(fn(b, f)); return bufferText(b); });
    const outJSON = (fn) => JSON.parse(outText((b, f) => fn(b, f, 1 /* KARTLA_ENCODING_JSON */)));

    function handleOut(fn) {
      return frame((f) => {
        const out = f.alloc(4);
        check(fn(out, f));
        return u32(out);
      });
    }

    // The base of every handle: one native pointer, released once by close().
    class Handle {
      constructor(ptr, free) { this._ptr = ptr; this._free = free; }
      get ptr() {
        if (!this._ptr) throw new KartlaError(1, 'E_INVALID_ARGUMENT', `this ${this.constructor.name} is closed`);
        return this._ptr;
      }
      close() { if (this._ptr) { this._free(this._ptr); this._ptr = 0; } }
    }

    function identityOptions(f, o = {}) {
      const p = f.alloc(24);
      M._kartla_identity_options_init(p);
      if (o.opslimit) setU32(p + 4, o.opslimit);
      if (o.memlimitMib) setU32(p + 8, o.memlimitMib);
      if (o.createdAt) setI64(p + 16, o.createdAt);
      return p;
    }

    function viewOptions(f, o = {}) {
      const p = f.alloc(12);
      M._kartla_view_options_init(p);
      if (o.includeWorkAbility) setU32(p + 4, 1);
      if (o.language) setU32(p + 8, f.text(o.language));
      return p;
    }

    class Identity extends Handle {
      constructor(ptr) { super(ptr, M._kartla_identity_free); }
      static _made(fn) {
        return frame((f) => {
          const out = f.alloc(4);
          const code = f.buffer();
          check(fn(f, out, code));
          return { identity: new Identity(u32(out)), recoveryCode: bufferText(code) };
        });
      }
      // -> { identity, recoveryCode }
      static create(passphrase, options) {
        return Identity._made((f, out, code) => {
          const [p, n] = f.bytes(encoder.encode(passphrase));
          return M._kartla_identity_new(identityOptions(f, options), p, n, out, code);
        });
      }
      // info: { name, organisationNumber, role }
      static createAgency(info, passphrase, options) {
        return Identity._made((f, out, code) => {
          const i = f.alloc(16);
          M._kartla_agency_info_init(i);
          setU32(i + 4, f.text(info.name));
          setU32(i + 8, f.text(info.organisationNumber));
          setU32(i + 12, f.text(info.role));
          const [p, n] = f.bytes(encoder.encode(passphrase));
          return M._kartla_identity_new_agency(i, identityOptions(f, options), p, n, out, code);
        });
      }
      static open(file, passphrase) {
        return new Identity(handleOut((out, f) => {
          const [fp, fn] = f.bytes(file);
          const [p, n] = f.bytes(encoder.encode(passphrase));
          return M._kartla_identity_open(fp, fn, p, n, out);
        }));
      }
      static recover(file, recoveryCode) {
        return new Identity(handleOut((out, f) => {
          const [fp, fn] = f.bytes(file);
          const [p, n] = f.bytes(encoder.encode(recoveryCode));
          return M._kartla_identity_recover(fp, fn, p, n, out);
        }));
      }
      // Without `options`, at the file's own Argon2id cost; with { opslimit, memlimitMib } (0 or
      // absent: the library's default), at that cost (kartla_identity_set_passphrase_with_options).
      setPassphrase(passphrase, options) {
        frame((f) => {
          const [p, n] = f.bytes(encoder.encode(passphrase));
          if (options) check(M._kartla_identity_set_passphrase_with_options(this.ptr, identityOptions(f, options), p, n));
          else check(M._kartla_identity_set_passphrase(this.ptr, p, n));
        });
      }
      fileBytes() { return outBytes((b) => M._kartla_identity_file_bytes(this.ptr, b)); }
      card() { return outBytes((b) => M._kartla_identity_card(this.ptr, b)); }
      fingerprint() { return outText((b) => M._kartla_identity_fingerprint(this.ptr, b)); }
    }

    function cardFingerprint(card) {
      return outText((b, f) => { const [p, n] = f.bytes(card); return M._kartla_card_fingerprint(p, n, b); });
    }
    function cardDescribe(card) {
      return outJSON((b, f, enc) => { const [p, n] = f.bytes(card); return M._kartla_card_describe(p, n, enc, b); });
    }

    // The record lives in the module's in-memory file system while it is open: kartla_record_save
    // writes a file (atomically, as on a disk), which save() hands back as bytes.
    function scratchPath(kind) {
      try { M.FS.mkdir('/kartla'); } catch (e) { /* already there */ }
      scratchFiles += 1;
      return `/kartla/${kind}-${scratchFiles}.kartla`;
    }

    class Record extends Handle {
      constructor(ptr) { super(ptr, M._kartla_record_free); this._path = scratchPath('record'); }
      static create(owner) {
        return new Record(handleOut((out) => M._kartla_record_new(owner.ptr, out)));
      }
      // options: { acceptOlder, lastSeen }
      static open(bytes, owner, options = {}) {
        return new Record(handleOut((out, f) => {
          const o = f.alloc(16);
          M._kartla_record_open_options_init(o);
          if (options.acceptOlder) setU32(o + 4, 1);
          if (options.lastSeen) setI64(o + 8, options.lastSeen);
          const [p, n] = f.bytes(bytes);
          return M._kartla_record_open_with_options(p, n, owner.ptr, o, out);
        }));
      }
      close() {
        super.close();
        for (const p of [this._path, `${this._path}.lock`]) {
          try { M.FS.unlink(p); } catch (e) { /* never saved */ }
        }
      }
      setClock(now) { check(M._kartla_record_set_clock(this.ptr, time(now))); }
      id() { return outText((b) => M._kartla_record_id(this.ptr, b)); }
      sequence() {
        return frame((f) => { const o = f.alloc(8); check(M._kartla_record_sequence(this.ptr, o)); return u64(o); });
      }
      sections() { return outJSON((b, f, enc) => M._kartla_record_sections(this.ptr, enc, b)); }
      hasSection(name) {
        return frame((f) => {
          const o = f.alloc(4);
          check(M._kartla_record_has_section(this.ptr, f.text(name), o));
          return u32(o) === 1;
        });
      }
      setSection(name, protobuf) {
        frame((f) => { const [p, n] = f.bytes(protobuf); check(M._kartla_record_set_section(this.ptr, f.text(name), p, n)); });
      }
      setSectionJson(name, json) {
        frame((f) => {
          const [p, n] = f.bytes(encoder.encode(json));
          check(M._kartla_record_set_section_json(this.ptr, f.text(name), p, n));
        });
      }
      section(name) { return outBytes((b, f) => M._kartla_record_section(this.ptr, f.text(name), b)); }
      sectionJson(name) { return outText((b, f) => M._kartla_record_section_json(this.ptr, f.text(name), b)); }
      sectionSize(name) {
        return frame((f) => { const o = f.alloc(4); check(M._kartla_record_section_size(this.ptr, f.text(name), o)); return u32(o); });
      }
      removeSection(name) { frame((f) => check(M._kartla_record_remove_section(this.ptr, f.text(name)))); }
      isSpecial(name) {
        return frame((f) => {
          const o = f.alloc(4);
          check(M._kartla_record_section_is_special(this.ptr, f.text(name), o));
          return u32(o) === 1;
        });
      }
      // options: { purpose, expiresAt, now, gdprArt6Basis, gdprArt9Basis } -> the grant id
      share(card, sections, options) {
        return outText((b, f) => {
          const o = f.alloc(40);  // kartla_record_share_options in wasm32: tell_involved at 32
          M._kartla_record_share_options_init(o);
          setU32(o + 4, f.text(options.purpose));
          setI64(o + 8, options.expiresAt || 0);
          setI64(o + 16, options.now || 0);
          setU32(o + 24, f.optionalText(options.gdprArt6Basis));
          setU32(o + 28, f.optionalText(options.gdprArt9Basis));
          const names = f.alloc(4 * sections.length);
          sections.forEach((s, i) => setU32(names + 4 * i, f.text(s)));
          const [p, n] = f.bytes(card);
          return M._kartla_record_share(this.ptr, p, n, names, sections.length, o, b);
        });
      }
      // -> kartla.v1.RevocationSummary as an object
      revoke(card, now) {
        return outJSON((b, f, enc) => { const [p, n] = f.bytes(card); return M._kartla_record_revoke(this.ptr, p, n, time(now), enc, b); });
      }
      // Writes the next version and returns the file's bytes.
      save() {
        frame((f) => check(M._kartla_record_save(this.ptr, f.text(this._path))));
        return M.FS.readFile(this._path);
      }
      exportBundle(grantId) {
        const path = scratchPath('bundle');
        try {
          frame((f) => check(M._kartla_record_export_bundle(this.ptr, f.text(grantId), f.text(path))));
          return M.FS.readFile(path);
        } finally {
          try { M.FS.unlink(path); } catch (e) { /* not written */ }
        }
      }
      // The views (experimental tier of the C ABI): text a person reads, in `language`.
      showText(section, options) {
        return outText((b, f) => M._kartla_record_show_text(this.ptr, f.optionalText(section), viewOptions(f, options), b));
      }
      // Accepts an agency's contribution (experimental tier) -> true if the record changed.
      acceptContribution(owner, contribution, now) {
        return frame((f) => {
          const o = f.alloc(4);
          const [p, n] = f.bytes(contribution);
          check(M._kartla_record_accept_contribution(this.ptr, owner.ptr, p, n, time(now), o));
          return u32(o) === 1;
        });
      }
      progressSvg(options) { return outText((b, f) => M._kartla_record_progress_svg(this.ptr, viewOptions(f, options), b)); }
      planText(options) { return outText((b, f) => M._kartla_record_plan_text(this.ptr, viewOptions(f, options), b)); }
    }

    class Share extends Handle {
      constructor(ptr) { super(ptr, M._kartla_share_free); }
      static open(bytes, agency) {
        return new Share(handleOut((out, f) => { const [p, n] = f.bytes(bytes); return M._kartla_share_open(p, n, agency.ptr, out); }));
      }
      section(name, at) { return outBytes((b, f) => M._kartla_share_section(this.ptr, f.text(name), time(at), b)); }
      sectionJson(name, at) { return outText((b, f) => M._kartla_share_section_json(this.ptr, f.text(name), time(at), b)); }
      describe() { return outJSON((b, f, enc) => M._kartla_share_describe(this.ptr, enc, b)); }
      sequence() {
        return frame((f) => { const o = f.alloc(8); check(M._kartla_share_sequence(this.ptr, o)); return u64(o); });
      }
      checkLastSeen(lastSeen) { check(M._kartla_share_check_last_seen(this.ptr, BigInt(lastSeen))); }
      checkOwner(card) { frame((f) => { const [p, n] = f.bytes(card); check(M._kartla_share_check_owner(this.ptr, p, n)); }); }
      showText(section, at, options) {
        return outText((b, f) => M._kartla_share_show_text(this.ptr, f.optionalText(section), time(at), viewOptions(f, options), b));
      }
    }

    class Verification extends Handle {
      constructor(ptr) { super(ptr, M._kartla_verification_free); }
      static open(bytes) {
        return new Verification(handleOut((out, f) => { const [p, n] = f.bytes(bytes); return M._kartla_verification_open(p, n, out); }));
      }
      sequence() {
        return frame((f) => { const o = f.alloc(8); check(M._kartla_verification_sequence(this.ptr, o)); return u64(o); });
      }
      recordId() { return outText((b) => M._kartla_verification_record_id(this.ptr, b)); }
      ownerFingerprint() { return outText((b) => M._kartla_verification_owner_fingerprint(this.ptr, b)); }
      previousHash() { return outText((b) => M._kartla_verification_previous_hash(this.ptr, b)); }
      report() { return outJSON((b, f, enc) => M._kartla_verification_report(this.ptr, enc, b)); }
      checkLastSeen(lastSeen) { check(M._kartla_verification_check_last_seen(this.ptr, BigInt(lastSeen))); }
    }

    // Contributions (the experimental tier, kartla/experimental/contribution.h): an agency's entry
    // for one section, sealed to the owner. -> the contribution file's bytes
    function contributionCreate(agency, ownerCard, recordId, section, entryJson, claimJson, now) {
      return outBytes((b, f) => {
        const [c, cn] = f.bytes(ownerCard);
        const [e, en] = f.bytes(encoder.encode(entryJson));
        return M._kartla_contribution_create(agency.ptr, c, cn, f.text(recordId), f.text(section), e, en,
          f.optionalText(claimJson), time(now), b);
      });
    }
    // -> kartla.v1.ContributionDescription as an object (recordId may be null)
    function contributionDescribe(owner, contribution, recordId, now) {
      return outJSON((b, f, enc) => {
        const [p, n] = f.bytes(contribution);
        return M._kartla_contribution_describe(owner.ptr, p, n, f.optionalText(recordId), time(now), enc, b);
      });
    }

    function sectionNames() {
      const names = [];
      for (let i = 0; i < M._kartla_section_count(); i++) names.push(M.UTF8ToString(M._kartla_section_name(i)));
      return names;
    }
    function sectionIsSpecialCategory(name) {
      return frame((f) => { const o = f.alloc(4); check(M._kartla_section_is_special_category(f.text(name), o)); return u32(o) === 1; });
    }
    function agencyRoles() {
      const roles = [];
      for (let i = 0; i < M._kartla_agency_role_count(); i++) roles.push(M.UTF8ToString(M._kartla_agency_role_name(i)));
      return roles;
    }
    // -> kartla.v1.ValidationReport as an object; throws on E_SCHEMA like the C function
    function validateSectionJson(name, json) {
      return outJSON((b, f, enc) => {
        const [p, n] = f.bytes(encoder.encode(json));
        return M._kartla_validate_section_json(f.text(name), p, n, enc, b);
      });
    }

    return {
      KartlaError, Identity, Record, Share, Verification,
      version: () => M.UTF8ToString(M._kartla_version()),
      versionNumber: () => M._kartla_version_number(),
      abiVersion: () => M._kartla_abi_version(),
      formatVersion: () => M._kartla_format_version(),
      sectionNames, sectionIsSpecialCategory, agencyRoles, cardFingerprint, cardDescribe, validateSectionJson,
      contributionCreate, contributionDescribe,
    };
  }

  // load(createKartlaModule) -> Promise of the API over a fresh instance of the module.
  async function load(createModule) { return bind(await createModule()); }

  const api = { load, KartlaError };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.KartlaApi = api;
})(typeof self !== 'undefined' ? self : this);
