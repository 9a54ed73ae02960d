// Position, URI and JSON-RPC helpers for the LSP layer.
#include "server/protocol.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace molt::lsp {

std::string_view encodingName(PositionEncoding e) { return e == PositionEncoding::Utf8 ? "utf-8" : "utf-16"; }

PositionEncoding negotiateEncoding(const json& caps) {
  if (!caps.is_object()) return PositionEncoding::Utf16;
  auto g = caps.find("general");
  if (g == caps.end() || !g->is_object()) return PositionEncoding::Utf16;
  auto encs = g->find("positionEncodings");
  if (encs == g->end() || !encs->is_array()) return PositionEncoding::Utf16;
  for (const json& e : *encs)
    if (e.is_string() && e.get<std::string>() == "utf-8") return PositionEncoding::Utf8;
  return PositionEncoding::Utf16;
}

Position toPosition(const SourceFile& f, uint32_t offset, PositionEncoding e) {
  SourcePosition p = f.position(offset);
  return {p.line - 1, e == PositionEncoding::Utf8 ? p.column_utf8 : p.column_utf16};
}

Range toRange(const SourceFile& f, SourceRange r, PositionEncoding e) {
  return {toPosition(f, r.begin, e), toPosition(f, std::max(r.begin, r.end), e)};
}

uint32_t toOffset(const SourceFile& f, Position p, PositionEncoding e) {
  if (p.line >= f.lineCount()) return static_cast<uint32_t>(f.text().size());
  return f.offsetOf(p.line + 1, p.character, e == PositionEncoding::Utf16);
}

namespace {
// Length of the UTF-8 sequence starting with `c`; 1 for stray bytes, so
// invalid text still advances.
size_t sequenceLength(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  if (c < 0xF8) return 4;
  return 1;
}
}  // namespace

size_t offsetInText(std::string_view text, Position p, PositionEncoding e) {
  size_t start = 0;
  for (uint32_t l = 0; l < p.line; ++l) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    if (!nl) return text.size();
    start = static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
  }
  size_t end = start;
  {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
  }
  if (end > start && text[end - 1] == '\r') --end;  // the terminator is not part of the line
  if (e == PositionEncoding::Utf8) return std::min(start + p.character, end);
  size_t i = start;
  uint32_t units = 0;
  while (i < end && units < p.character) {
    size_t len = sequenceLength(static_cast<unsigned char>(text[i]));
    units += len == 4 ? 2 : 1;
    i = std::min(i + len, end);
  }
  return i;
}

std::optional<Position> parsePosition(const json& j) {
  if (!j.is_object()) return std::nullopt;
  auto l = j.find("line");
  auto c = j.find("character");
  if (l == j.end() || c == j.end() || !l->is_number_integer() || !c->is_number_integer()) return std::nullopt;
  int64_t line = l->get<int64_t>(), ch = c->get<int64_t>();
  if (line < 0 || ch < 0) return std::nullopt;
  constexpr int64_t kMax = UINT32_MAX;
  return Position{static_cast<uint32_t>(std::min(line, kMax)), static_cast<uint32_t>(std::min(ch, kMax))};
}

std::optional<Range> parseRange(const json& j) {
  if (!j.is_object() || !j.contains("start") || !j.contains("end")) return std::nullopt;
  auto s = parsePosition(j["start"]);
  auto e = parsePosition(j["end"]);
  if (!s || !e) return std::nullopt;
  return Range{*s, *e};
}

json toJson(Position p) { return {{"line", p.line}, {"character", p.character}}; }
json toJson(const Range& r) { return {{"start", toJson(r.start)}, {"end", toJson(r.end)}}; }

namespace {
int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string uriToPath(std::string_view uri) {
  if (!uri.starts_with("file://")) return std::string(uri);
  std::string_view rest = uri.substr(7);
  // file://host/path: drop the authority (usually empty or "localhost").
  size_t slash = rest.find('/');
  rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size()) {
      int h = hexValue(rest[i + 1]), l = hexValue(rest[i + 2]);
      if (h >= 0 && l >= 0) {
        out.push_back(static_cast<char>(h * 16 + l));
        i += 2;
        continue;
      }
    }
    out.push_back(rest[i]);
  }
  return out;
}

std::string pathToUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("/-._~", c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json makeResponse(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json makeError(const json& id, ErrorCode code, std::string_view message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", static_cast<int>(code)}, {"message", message}}}};
}

json makeNotification(std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace molt::lsp
