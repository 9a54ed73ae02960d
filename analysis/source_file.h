// A source file held in memory, with its line table and position conversions.
// Every phase refers to source by byte offset; this is where offsets become the
// 1-based line and the 0-based UTF-8 / UTF-16 columns that people and LSP
// clients want. Immutable after construction; safe to share across threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace molt {

// A half-open byte range [begin, end) into a SourceFile's text.
struct SourceRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// A position in the forms the tools need. `line` is 1-based; columns are
// 0-based code-unit counts from the start of the line.
struct SourcePosition {
  uint32_t line = 1;
  uint32_t column_utf8 = 0;
  uint32_t column_utf16 = 0;
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] uint32_t lineCount() const { return static_cast<uint32_t>(line_starts_.size()); }

  [[nodiscard]] SourcePosition position(uint32_t offset) const;
  // The text of 1-based `line`, without its line terminator.
  [[nodiscard]] std::string_view lineText(uint32_t line) const;
  [[nodiscard]] uint32_t lineStart(uint32_t line) const { return line_starts_.at(line - 1); }
  // Byte offset of (line, column in UTF-16 or UTF-8 units); clamps to the line end.
  [[nodiscard]] uint32_t offsetOf(uint32_t line, uint32_t column, bool utf16) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// Returns the byte offset of the first invalid UTF-8 sequence, or npos if valid.
[[nodiscard]] size_t findInvalidUtf8(std::string_view text);

// Number of UTF-16 code units needed for the UTF-8 text (which must be valid).
[[nodiscard]] uint32_t utf16Length(std::string_view utf8);

}  // namespace molt
