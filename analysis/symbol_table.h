// A scope's names: a flat table in insertion order, with an open-addressing
// index once it outgrows a linear scan. It replaces std::unordered_map, whose
// node per name was a quarter of name resolution's allocations (a 5k-line
// file has ~10k symbols); and iteration now follows the source, not hash
// order.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace molt {

template <typename V>
class FlatNameMap {
 public:
  using value_type = std::pair<std::string_view, V>;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  [[nodiscard]] iterator begin() { return entries_.data(); }
  [[nodiscard]] iterator end() { return entries_.data() + entries_.size(); }
  [[nodiscard]] const_iterator begin() const { return entries_.data(); }
  [[nodiscard]] const_iterator end() const { return entries_.data() + entries_.size(); }
  [[nodiscard]] size_t size() const { return entries_.size(); }
  [[nodiscard]] bool empty() const { return entries_.empty(); }

  [[nodiscard]] iterator find(std::string_view name) { return begin() + indexOf(name); }
  [[nodiscard]] const_iterator find(std::string_view name) const { return begin() + indexOf(name); }
  [[nodiscard]] size_t count(std::string_view name) const { return indexOf(name) != entries_.size() ? 1 : 0; }

  // Inserts unless present; iterators are invalidated by an insertion.
  std::pair<iterator, bool> emplace(std::string_view name, V value) {
    size_t i = indexOf(name);
    if (i != entries_.size()) return {begin() + i, false};
    entries_.emplace_back(name, std::move(value));
    if (!index_.empty() || entries_.size() > kLinear) {
      if (entries_.size() * 2 > index_.size()) rebuildIndex();
      else insertIndex(static_cast<uint32_t>(entries_.size() - 1));
    }
    return {end() - 1, true};
  }

 private:
  static constexpr size_t kLinear = 8;

  static uint32_t hash(std::string_view s) {
    uint32_t h = 2166136261u;  // FNV-1a: identifiers are short
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
  }

  size_t indexOf(std::string_view name) const {
    if (index_.empty()) {
      for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].first == name) return i;
      return entries_.size();
    }
    size_t mask = index_.size() - 1;
    for (size_t k = hash(name) & mask;; k = (k + 1) & mask) {
      uint32_t e = index_[k];
      if (e == 0) return entries_.size();
      if (entries_[e - 1].first == name) return e - 1;
    }
  }

  void insertIndex(uint32_t entry) {
    size_t mask = index_.size() - 1;
    size_t k = hash(entries_[entry].first) & mask;
    while (index_[k] != 0) k = (k + 1) & mask;
    index_[k] = entry + 1;
  }

  void rebuildIndex() {
    size_t n = 16;
    while (n < entries_.size() * 4) n *= 2;  // load factor at most 1/2 until the next rebuild
    index_.assign(n, 0);
    for (uint32_t i = 0; i < entries_.size(); ++i) insertIndex(i);
  }

  std::vector<value_type> entries_;
  std::vector<uint32_t> index_;  // 0 = empty slot, else entry index + 1; a power of two in size
};

}  // namespace molt
