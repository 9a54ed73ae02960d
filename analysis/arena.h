// A bump allocator for AST nodes. Nodes are trivially destructible plain data
// (string_views into the source or into the arena, spans of arena pointers),
// so the arena frees everything at once without running destructors.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace molt {

class Arena {
 public:
  Arena() = default;
  // Starts with a block of about `first_block` bytes and doubles up to the
  // usual 64 KiB, for the many small arenas of incremental lowering.
  explicit Arena(size_t first_block) : next_block_(first_block < 256 ? 256 : first_block < kBlock ? first_block : kBlock) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(size_t size, size_t align) {
    size_t p = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || p + size > block_size_) {
      size_t n = size > next_block_ ? size : next_block_;
      next_block_ = next_block_ * 2 < kBlock ? next_block_ * 2 : kBlock;
      // new[] without (): make_unique<byte[]> would zero every 64 KiB block,
      // and every byte is written before it is read.
      blocks_.push_back(std::unique_ptr<std::byte[]>(new std::byte[n + 16]));
      block_size_ = n;
      used_ = 0;
      p = 0;
      base_ = blocks_.back().get();
      // new byte[] is aligned for max_align_t, enough for our nodes.
    }
    used_ = p + size;
    return base_ + p;
  }

  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  template <typename T>
  std::span<T> copy(const std::vector<T>& v) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (v.empty()) return {};
    T* p = static_cast<T*>(allocate(sizeof(T) * v.size(), alignof(T)));
    std::uninitialized_copy(v.begin(), v.end(), p);
    return {p, v.size()};
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

 private:
  static constexpr size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* base_ = nullptr;
  size_t used_ = 0;
  size_t block_size_ = 0;
  size_t next_block_ = kBlock;
};

}  // namespace molt
