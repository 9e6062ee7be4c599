// The inside of a Cargo (transfer.h): shared by transfer_capture.cc, which
// writes one, and transfer_materialize.cc, which reads one. Nothing else
// includes this file.
//
// A Cargo is one pre-order sequence of tagged Nodes (a container's node comes
// first, then its children's subtrees, in order) plus an Arena that holds the
// bytes of strings and names. Both start inside the Cargo object, so a small
// value (an int, a short string, a small array, a closure with a couple of
// `use` variables) costs a single malloc: the Cargo itself. Everything is plain
// C++ memory: a Cargo is freed by whichever thread drops it last.
//
// The node sequence, by Kind (fields not named are unused):
//
//   kUndef       an uninitialised property slot or `use` variable;
//                flags: the slot's IS_PROP_UNINIT bit
//   kNull kFalse kTrue
//   kLong        u.l
//   kDouble      u.d
//   kString      u.s, len
//   kArray       n elements; len = nNextFreeElement (as a zend_long); flags
//                kPackedList: n values (keys 0..n-1) follow; else n pairs
//                (kKeyLong | kKeyString, value) follow
//   kKeyLong     u.l                    kKeyString   u.s, len
//   kObject      an object of a class without internal state (user classes,
//                stdClass): u.s/len = class name, n = its property slot count,
//                x = object id; then n pairs (kSlot, value); then kProps
//   kSlot        u.s/len = the slot's (mangled) property name, checked against
//                the receiver's class so that a different class layout fails
//                instead of corrupting memory; len 0 for a dead slot
//   kProps       n dynamic properties: n pairs (kKeyLong | kKeyString, value)
//   kObjectRef   x = id of an object (kObject, kState, kSerialized, kClosure)
//                met before
//   kEnum        u.s/len = enum name; then kString, the case name
//   kState       an object with internal state rebuilt by __unserialize():
//                u.s/len = class name, x = object id; then the array its
//                __serialize() returned, captured by these same rules
//   kSerialized  u.s/len = php_var_serialize() output, x = object id; then
//                kString, the class name
//   kClosure     x = object id, n = number of `use` variables, flags (below),
//                u.u = index of its FunctionKey (user code); then kString|kNull
//                scope, kString|kNull called scope; for internal code kString
//                function name; if kHasThis, $this's subtree; then n pairs
//                (kUse, value)
//   kUse         u.s/len = variable name, n = its bucket index in the
//                closure's static variables
//   kNative      a goos object (native_object.h): x = object id, u.u = index
//                into Cargo::natives, which holds its class and a reference
//                to the native object itself
//
// Object ids number objects in the order the capture met them; the receiver
// keeps a table id -> zend_object* so that an object reached twice (and a
// cycle) arrives as one object.
#ifndef GOOS_PHP_TRANSFER_CARGO_H
#define GOOS_PHP_TRANSFER_CARGO_H

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "code/code.h"
#include "transfer/transfer.h"

namespace goos::php {

namespace transfer {

enum class Kind : std::uint8_t {
  kUndef,
  kNull,
  kFalse,
  kTrue,
  kLong,
  kDouble,
  kString,
  kArray,
  kKeyLong,
  kKeyString,
  kObject,
  kSlot,
  kProps,
  kObjectRef,
  kEnum,
  kState,
  kSerialized,
  kClosure,
  kUse,
  kNative,
};

// kArray flags.
inline constexpr std::uint8_t kPackedList = 1;
// kClosure flags.
inline constexpr std::uint8_t kFake = 1;      // a first-class callable (ZEND_ACC_FAKE_CLOSURE)
inline constexpr std::uint8_t kInternal = 2;  // internal code: found by name
inline constexpr std::uint8_t kHasThis = 4;   // a bound $this follows

struct Node {
  Kind kind;
  std::uint8_t flags;
  std::uint16_t spare;
  std::uint32_t n;
  std::uint64_t len;
  union {
    std::int64_t l;
    double d;
    const char* s;
    std::uint64_t u;
  };
  std::uint64_t x;
};
static_assert(sizeof(Node) == 32);

// A growable array of Nodes whose first kInline live in the object itself.
class NodeVec {
 public:
  static constexpr std::uint32_t kInline = 8;

  NodeVec() = default;
  NodeVec(const NodeVec&) = delete;
  NodeVec& operator=(const NodeVec&) = delete;
  ~NodeVec() {
    if (data_ != inline_) std::free(data_);
  }

  // A new node, zeroed but for its kind; the reference is valid until the
  // next push (the storage may move).
  Node& push(Kind kind) {
    if (size_ == capacity_) grow();
    Node& node = data_[size_++];
    std::memset(static_cast<void*>(&node), 0, sizeof(Node));
    node.kind = kind;
    return node;
  }
  Node& operator[](std::uint32_t i) { return data_[i]; }
  const Node& operator[](std::uint32_t i) const { return data_[i]; }
  std::uint32_t size() const { return size_; }

 private:
  void grow() {
    const std::uint32_t capacity = capacity_ * 2;
    void* bigger = data_ == inline_ ? std::malloc(sizeof(Node) * capacity)
                                    : std::realloc(data_, sizeof(Node) * capacity);
    if (bigger == nullptr) throw std::bad_alloc();
    if (data_ == inline_) std::memcpy(bigger, inline_, sizeof(Node) * size_);
    data_ = static_cast<Node*>(bigger);
    capacity_ = capacity;
  }

  Node* data_ = inline_;
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = kInline;
  Node inline_[kInline];
};

// Bump allocation of bytes that never move: the first block is inside the
// object, later ones are malloc'd and chained. Strings are stored with a
// trailing NUL, so a name can be handed to C APIs as is.
class Arena {
 public:
  static constexpr std::size_t kInline = 192;

  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    while (blocks_ != nullptr) {
      Block* next = blocks_->next;
      std::free(blocks_);
      blocks_ = next;
    }
  }

  const char* copy(const char* bytes, std::size_t len) {
    char* to = allocate(len + 1);
    std::memcpy(to, bytes, len);
    to[len] = '\0';
    return to;
  }

 private:
  struct Block {
    Block* next;
    // The bytes follow.
  };

  char* allocate(std::size_t size) {
    if (size > static_cast<std::size_t>(end_ - next_)) {
      // A big request gets a block of its own, so that the current block's
      // free space is kept for later small ones.
      const std::size_t block = size > 1024 ? size : std::max<std::size_t>(4096, next_block_);
      if (size <= 1024) next_block_ = block * 2;
      auto* b = static_cast<Block*>(std::malloc(sizeof(Block) + block));
      if (b == nullptr) throw std::bad_alloc();
      b->next = blocks_;
      blocks_ = b;
      char* bytes = reinterpret_cast<char*>(b + 1);
      if (size > 1024) return bytes;
      next_ = bytes;
      end_ = bytes + block;
    }
    char* at = next_;
    next_ += size;
    return at;
  }

  char inline_[kInline];
  char* next_ = inline_;
  char* end_ = inline_ + kInline;
  Block* blocks_ = nullptr;
  std::size_t next_block_ = 4096;
};

// zend_hash_str_find_ptr_lc(), which PHP 8.2 declares outside its extern
// "C" block (so C++ cannot link to it): the pointer stored under the
// lower-cased `name` (a function or class table's key).
inline void* find_ptr_lc(const HashTable* ht, const char* name, std::size_t len) {
  char small[128];
  char* lower = len < sizeof(small) ? small : static_cast<char*>(emalloc(len + 1));
  zend_str_tolower_copy(lower, name, len);
  void* found = zend_hash_str_find_ptr(ht, lower, len);
  if (lower != small) efree(lower);
  return found;
}

}  // namespace transfer

// The function of the frame transfer_materialize() runs in when there is no
// PHP frame (transfer_materialize.cc); set up by transfer_minit().
extern zend_internal_function transfer_frame_function;

class Cargo {
 public:
  transfer::NodeVec nodes;
  transfer::Arena bytes;
  // Objects (kObject, kState, kSerialized, kClosure) in the cargo: the size of the
  // receiver's id table.
  std::uint32_t objects = 0;

  // The FunctionKeys of user closures, by index (kClosure's u.u). The first
  // lives here, so that one closure costs no extra allocation.
  std::uint32_t key_count = 0;
  FunctionKey first_key;
  std::vector<FunctionKey> more_keys;

  FunctionKey& add_key(std::uint32_t* index) {
    *index = key_count++;
    if (*index == 0) return first_key;
    return more_keys.emplace_back();
  }
  const FunctionKey& key(std::uint64_t index) const {
    return index == 0 ? first_key : more_keys[index - 1];
  }

  // The goos objects in the cargo (kNative's u.u): a class registered at
  // module startup (shared by every interpreter) and a reference that keeps
  // the native object alive while the cargo is in flight.
  std::vector<std::pair<zend_class_entry*, std::shared_ptr<void>>> natives;
};

// Capture and materialize recurse through nested values: on PHP 8.3+ they
// stop, with PHP's own "Maximum call stack size" error, before the C stack
// runs out. (PHP 8.2 has no such check.)
inline bool stack_exhausted() {
#ifdef ZEND_CHECK_STACK_LIMIT
  if (UNEXPECTED(zend_call_stack_overflowed(EG(stack_limit)))) {
    zend_call_stack_size_error();
    return true;
  }
#endif
  return false;
}

}  // namespace goos::php

#endif  // GOOS_PHP_TRANSFER_CARGO_H
