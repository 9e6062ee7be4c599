// Class constants a switched-out goroutine is evaluating, unmarked for the
// others.
//
// A class constant whose value is a constant expression is evaluated on
// first use. zend_get_class_constant_ex() (constant(), and every constant
// expression that names a class constant) marks the constant's zval
// "visited" (IS_CONSTANT_VISITED_MARK, bit 0x80 of its constant flags;
// zend_constants.c, the same in 8.2 and 8.4) while it evaluates it, and
// reports a marked one as "Cannot declare self-referencing constant": on
// PHP's one thread only the constant's own evaluation can meet the mark. The
// evaluation may autoload a class its expression names, and a goroutine may be
// switched out in that autoload with the mark set; another goroutine of the
// M reading the constant then would get that error.
//
// So while a goroutine is switched out inside an autoload (the only switch
// point inside an evaluation, an error handler it runs aside), the marks it
// set are cleared, and set again when it is switched in, on the constants
// still unevaluated. Another goroutine meanwhile evaluates the constant
// itself (its expression's class loads wait for the autoload lock), as PHP
// does when an autoload re-enters an evaluation: zval_update_constant_ex()
// holds a reference to the expression while it evaluates it, and the last to
// finish stores the value.
//
// The marks are found by scanning the classes whose constants hold
// expressions (ZEND_ACC_HAS_AST_CONSTANTS), in the table their evaluation
// uses (opcache's classes: their separated, per-request copy; one that was
// never separated was never evaluated, so never marked).
#include "code/code_load_internal.h"

#include <algorithm>

#include "php.h"
#include "zend_API.h"

namespace goos::php::load {
namespace {

constexpr std::uint32_t kVisited = 0x80;  // zend_constants.c: IS_CONSTANT_VISITED_MARK

// The table a constant's evaluation marks, if evaluation may have happened.
HashTable* evaluated_constants(zend_class_entry* ce) {
  if (!(ce->ce_flags & ZEND_ACC_HAS_AST_CONSTANTS)) return nullptr;
  if (ZEND_MAP_PTR(ce->mutable_data)) {
    auto* data = static_cast<zend_class_mutable_data*>(ZEND_MAP_PTR_GET_IMM(ce->mutable_data));
    return data != nullptr ? data->constants_table : nullptr;
  }
  return &ce->constants_table;
}

bool marked(const zval* value) {
  return Z_TYPE_P(value) == IS_CONSTANT_AST && (Z_CONSTANT_FLAGS_P(value) & kVisited) != 0;
}

}  // namespace

void unmark_evaluating(ThreadLoads& t, std::uint64_t goroutine) {
  zval* entry;
  ZEND_HASH_MAP_FOREACH_VAL(EG(class_table), entry) {
    auto* ce = static_cast<zend_class_entry*>(Z_PTR_P(entry));
    if (ce->type != ZEND_USER_CLASS) continue;
    HashTable* constants = evaluated_constants(ce);
    if (constants == nullptr) continue;
    zval* slot;
    ZEND_HASH_MAP_FOREACH_VAL(constants, slot) {
      zval* value = &static_cast<zend_class_constant*>(Z_PTR_P(slot))->value;
      if (!marked(value)) continue;  // a constant inherited twice is seen unmarked the second time
      Z_CONSTANT_FLAGS_P(value) &= ~kVisited;
      t.evaluating.push_back({goroutine, value});
    }
    ZEND_HASH_FOREACH_END();
  }
  ZEND_HASH_FOREACH_END();
}

void remark_evaluating(ThreadLoads& t, std::uint64_t goroutine) {
  for (ThreadLoads::Evaluating& e : t.evaluating) {
    if (e.owner != goroutine) continue;
    // Evaluated meanwhile by another goroutine: the owner's evaluation ends
    // by storing its own result and clearing the mark, as it would have.
    if (Z_TYPE_P(e.value) == IS_CONSTANT_AST) Z_CONSTANT_FLAGS_P(e.value) |= kVisited;
    e.owner = 0;
  }
  std::erase_if(t.evaluating, [](const ThreadLoads::Evaluating& e) { return e.owner == 0; });
}

}  // namespace goos::php::load
