// Loops whose int locals run unboxed, with a boxed copy to fall back to.
//
// An `int` local is a NaN-boxed Value: every use tests its tag and every
// store refcounts it, because it might hold a big int. In a loop that only
// sees small ints, those tests are all dead weight that LLVM cannot remove
// (the overflow slow paths produce values of unknown kind). lower_llvm.cpp
// emits each region twice: a *speculative* copy in which the region's int
// locals live in raw i64 slots, and the ordinary *boxed* copy. The
// speculative copy is entered when every such local holds a small int; a
// store of anything else (overflow into a big int, a bool, `del`) leaves it
// for the boxed copy right after the storing statement, with every raw local
// boxed back into its ordinary slot. Nothing is ever evaluated twice.
#pragma once

#include <cstdint>
#include <vector>

#include "codegen/typed_ir.h"

namespace molt::codegen {

struct IntRegion {
  const IrStmt* loop = nullptr;   // a While or ForRange statement of the function body
  std::vector<uint32_t> locals;   // the int locals it holds unboxed
  std::vector<uint32_t> counters; // those among them that are range-loop targets
};

// The outermost loops of `f` that can be specialised: at most 64 statements
// (a larger loop's inner loops can be regions instead), no for-over-iterator
// and no try inside (their state lives outside the local slots), no call of
// a user function that is not in `always_inline` (by function index), and at
// least one int local that is only ever written by plain assignments and
// range-loop targets (never by unpacking, handlers, comprehensions, or
// through a cell).
[[nodiscard]] std::vector<IntRegion> findIntRegions(const IrFunction& f, const std::vector<bool>& always_inline);

}  // namespace molt::codegen
