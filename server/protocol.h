// The LSP layer's vocabulary: positions in the negotiated encoding, URIs,
// JSON-RPC error codes and the conversions between byte offsets (what the
// analysis speaks) and LSP line/character pairs (what clients speak). Nothing
// here knows about documents or features; the binder in server.cpp uses
// these helpers to turn JSON into typed values and back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analysis/source_file.h"

namespace molt::lsp {

using json = nlohmann::json;

// JSON-RPC 2.0 and LSP 3.17 error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
  RequestCancelled = -32800,
};

// How `character` in an LSP Position counts: UTF-16 code units (the LSP
// default) or UTF-8 bytes (when the client offers "utf-8").
enum class PositionEncoding : uint8_t { Utf16, Utf8 };

[[nodiscard]] std::string_view encodingName(PositionEncoding e);
// Picks utf-8 when `general.positionEncodings` of the client capabilities
// lists it, else utf-16.
[[nodiscard]] PositionEncoding negotiateEncoding(const json& client_capabilities);

// An LSP position: 0-based line, character in the negotiated encoding.
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};
struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

// Byte offset -> LSP position over an analysed file (clamps past the end).
[[nodiscard]] Position toPosition(const SourceFile& f, uint32_t offset, PositionEncoding e);
[[nodiscard]] Range toRange(const SourceFile& f, SourceRange r, PositionEncoding e);
// LSP position -> byte offset; out-of-range lines/characters clamp to the
// end of the line / file, never fail.
[[nodiscard]] uint32_t toOffset(const SourceFile& f, Position p, PositionEncoding e);

// The same conversion over raw (possibly invalid UTF-8) text, for applying
// edits to a document. Never lands inside a multi-byte sequence for utf-16.
[[nodiscard]] size_t offsetInText(std::string_view text, Position p, PositionEncoding e);

// Lenient JSON -> Position/Range; nullopt when the shape is wrong.
[[nodiscard]] std::optional<Position> parsePosition(const json& j);
[[nodiscard]] std::optional<Range> parseRange(const json& j);
[[nodiscard]] json toJson(Position p);
[[nodiscard]] json toJson(const Range& r);

// file:// URIs <-> filesystem paths (percent-decoding / encoding). Other
// schemes come back unchanged as the "path" (used only for display).
[[nodiscard]] std::string uriToPath(std::string_view uri);
[[nodiscard]] std::string pathToUri(std::string_view path);

// Serialises without ever throwing: invalid UTF-8 in strings is replaced.
[[nodiscard]] std::string dump(const json& j);

// Builders for JSON-RPC messages.
[[nodiscard]] json makeResponse(const json& id, json result);
[[nodiscard]] json makeError(const json& id, ErrorCode code, std::string_view message);
[[nodiscard]] json makeNotification(std::string_view method, json params);

}  // namespace molt::lsp
