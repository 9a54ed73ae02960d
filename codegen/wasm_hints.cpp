// See wasm_hints.h for why.
#include "codegen/wasm_hints.h"

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace molt::codegen {
namespace {

constexpr std::string_view kMagic("\0asm\1\0\0\0", 8);
constexpr uint8_t kCustom = 0, kImport = 2, kFunction = 3, kCode = 10;
constexpr uint8_t kFunctionNames = 1;  // the name section's function-name subsection

// Reads the binary format's pieces; the first read past the end (or a LEB
// too long) marks it failed and every later read returns 0.
struct Reader {
  std::string_view in;
  size_t pos = 0;
  bool failed = false;

  bool atEnd() const { return failed || pos >= in.size(); }
  uint8_t byte() {
    if (pos >= in.size()) return fail();
    return static_cast<uint8_t>(in[pos++]);
  }
  uint32_t u32() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      uint8_t b = byte();
      v |= static_cast<uint32_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail();
  }
  std::string_view bytes(size_t n) {
    if (failed || n > in.size() - pos) return fail(), std::string_view();
    std::string_view s = in.substr(pos, n);
    pos += n;
    return s;
  }
  std::string_view name() { return bytes(u32()); }
  uint8_t fail() {
    failed = true;
    pos = in.size();
    return 0;
  }
};

void putU32(std::string& out, uint32_t v) {
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    out.push_back(static_cast<char>(v ? b | 0x80 : b));
  } while (v);
}

// How many of the module's functions are imports (they come first in the
// function index space).
uint32_t importedFunctions(std::string_view payload, bool& ok) {
  Reader r{payload};
  uint32_t n = r.u32(), funcs = 0;
  for (uint32_t i = 0; i < n && !r.failed; ++i) {
    r.name();
    r.name();
    switch (r.byte()) {
      case 0: r.u32(), ++funcs; break;                                 // function: type index
      case 1: r.byte(); [[fallthrough]];                               // table: element type, limits
      case 2: if (r.byte() & 1) r.u32(); r.u32(); break;               // memory: flags, min, max
      case 3: r.byte(), r.byte(); break;                               // global: value type, mutability
      case 4: r.byte(), r.u32(); break;                                // tag: attribute, type index
      default: r.fail();
    }
  }
  ok = !r.failed;
  return funcs;
}

// Function index -> name, from the name section's function-name subsection.
std::unordered_map<uint32_t, std::string_view> functionNames(Reader r) {
  std::unordered_map<uint32_t, std::string_view> names;
  while (!r.atEnd()) {
    uint8_t id = r.byte();
    Reader sub{r.bytes(r.u32())};
    if (id != kFunctionNames) continue;
    uint32_t n = sub.u32();
    for (uint32_t i = 0; i < n && !sub.failed; ++i) {
      uint32_t index = sub.u32();
      std::string_view name = sub.name();
      if (!sub.failed) names.emplace(index, name);
    }
  }
  return names;
}

}  // namespace

WasmFinish finishWasmModule(std::string_view module, const std::vector<std::string>& eager) {
  WasmFinish f;
  if (module.substr(0, kMagic.size()) != kMagic) {
    f.error = "not a WebAssembly module";
    return f;
  }
  struct Section {
    uint8_t id;
    std::string_view whole;    // id, size and payload as they are
    std::string_view payload;
  };
  std::vector<Section> sections;
  Reader r{module, kMagic.size()};
  while (!r.atEnd()) {
    size_t start = r.pos;
    uint8_t id = r.byte();
    std::string_view payload = r.bytes(r.u32());
    sections.push_back({id, module.substr(start, r.pos - start), payload});
  }
  if (r.failed) {
    f.error = "a section runs past the end of the module";
    return f;
  }
  uint32_t imported = 0, defined = 0;
  std::unordered_map<uint32_t, std::string_view> names;
  for (const Section& s : sections) {
    bool ok = true;
    if (s.id == kImport) imported = importedFunctions(s.payload, ok);
    if (s.id == kFunction) {
      Reader fr{s.payload};
      defined = fr.u32();
      ok = !fr.failed;
    }
    if (s.id == kCustom) {
      Reader cr{s.payload};
      if (cr.name() == "name") names = functionNames(cr);
      ok = !cr.failed;
    }
    if (!ok) {
      f.error = "cannot read section " + std::to_string(s.id);
      return f;
    }
  }
  std::string hints;
  if (!eager.empty() && defined > 0) {
    std::unordered_set<std::string_view> wanted(eager.begin(), eager.end());
    std::string bytes(defined, static_cast<char>(kHintEagerBaseline));
    for (const auto& [index, name] : names)
      if (index >= imported && index - imported < defined && wanted.count(name)) {
        bytes[index - imported] = static_cast<char>(kHintEagerOptimized);
        ++f.hinted;
      }
    if (f.hinted > 0) {
      std::string payload;
      static constexpr std::string_view kName = "compilationHints";
      putU32(payload, kName.size());
      payload += kName;
      putU32(payload, defined);
      payload += bytes;
      hints.push_back(static_cast<char>(kCustom));
      putU32(hints, payload.size());
      hints += payload;
    }
  }
  f.bytes.assign(kMagic);
  for (const Section& s : sections) {
    if (s.id == kCustom) continue;
    if (s.id == kCode) f.bytes += hints;
    f.bytes += s.whole;
  }
  f.ok = true;
  return f;
}

}  // namespace molt::codegen
