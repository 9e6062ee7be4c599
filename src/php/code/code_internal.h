// Code in goroutines, the parts shared by code_*.cc (not an API: see code.h).
//
// Two kinds of state:
//
//  - The registry (code_registry.cc): process-wide, plain C++ memory, one
//    mutex. An append-only list of events -- a file to compile, a declaration
//    made at run time, a constant, an autoloader -- numbered from 1; the epoch
//    is the number of the last event. An event never changes once appended,
//    so a reader may use it without the lock after copying its pointer out.
//
//  - Local (code_local.cc): one per interpreter (one per thread: every M owns
//    one interpreter, and goroutines' fibers run on their M's thread). What
//    this interpreter published (the publish snapshot), what it synced, the
//    files it compiled and the function lookup caches. Only its own thread
//    touches it. The Zend memory it points into (op_arrays, zend_strings)
//    belongs to the interpreter's request and is released by
//    code_worker_shutdown() before that request ends.
#ifndef GOOS_PHP_CODE_INTERNAL_H
#define GOOS_PHP_CODE_INTERNAL_H

#include "php.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "code/code.h"
#include "transfer/transfer.h"

namespace goos::php::code {

// ---------------------------------------------------------------------------
// The registry.

enum class EventKind : std::uint8_t {
  kFile,        // name: a path as the publisher's EG(included_files) holds it
  kFunction,    // name: lower-case function name; file, line: its declaration
  kClass,       // name: lower-case class name; file, line: its declaration
  kAlias,       // name: lower-case alias (class_alias()); file: the lower-case target
  kConstant,    // name: the key in EG(zend_constants); file: the constant's name; value
  kAutoloader,  // value: the callable, as spl_autoload_functions() listed it
};

struct Event {
  EventKind kind;
  std::string name;
  std::string file;
  std::uint32_t line = 0;
  CargoPtr value;
  // transfer_materialize() forbids two threads materialising one Cargo at once.
  std::mutex materialize_lock;
};

class Registry {
 public:
  // The epoch: the number of the last event appended.
  std::uint64_t epoch() const;
  // Counts code_reset()s; a Local made before a reset starts over.
  std::uint64_t generation() const;
  // Appends the events whose (kind, name) the registry lacks (autoloaders are
  // always appended) and returns the epoch after them.
  std::uint64_t append(std::vector<std::unique_ptr<Event>> batch);
  // Whether an event of that kind and name was appended.
  bool contains(EventKind kind, const std::string& name) const;
  // The events numbered (from, to], in order. They stay valid until reset().
  void events(std::uint64_t from, std::uint64_t to, std::vector<Event*>* out) const;
  void reset();
};

Registry& registry();

// ---------------------------------------------------------------------------
// One interpreter's state.

// A file this interpreter compiled for code sharing, and what compiling it
// made: the roots from which every op_array of the file is reached.
struct FileCode {
  std::string path;
  // The file's top-level code; null when the file could not be compiled.
  // Owned: destroyed at code_worker_shutdown(), so that the code of its
  // closures and run-time declarations (its dynamic_func_defs) stays
  // findable while the interpreter lives.
  zend_op_array* main = nullptr;
  // Functions and classes the compile added to the tables (classes include
  // those parked under a runtime-definition key, waiting to be bound).
  std::vector<zend_function*> functions;
  std::vector<zend_class_entry*> classes;
  // A shadow compile (see code_local.cc) keeps its declarations in tables of
  // its own instead of the interpreter's; owned.
  HashTable* shadow_functions = nullptr;
  HashTable* shadow_classes = nullptr;

  // Run-time declarations found in the file's code, built on first need.
  struct ClassDecl {
    zval* lcname;  // the DECLARE_CLASS literals: [0] the name, [1] the RTD key
    zend_string* lc_parent;
  };
  struct FunctionDecl {
    zval* lcname;
    zend_function* function;  // the dynamic_func_defs entry it binds
  };
  bool decls_indexed = false;
  std::unordered_multimap<std::string, ClassDecl> class_decls;
  std::unordered_multimap<std::string, FunctionDecl> function_decls;
  // Closures' declarations, by (line_start << 32 | line_end); built on first need.
  bool closures_indexed = false;
  std::unordered_multimap<std::uint64_t, zend_op_array*> closures;

  bool shadow() const { return shadow_functions != nullptr; }
};

// The identity of an autoloader, to tell the ones this interpreter published
// or installed from new ones. Weak: holds no reference (an object is named by
// its address and handle), so that it costs no Zend memory.
struct CallableId {
  const zend_object* object = nullptr;
  std::uint32_t handle = 0;
  std::string class_lc;  // [class, method] form
  std::string name_lc;   // function or method name
  bool operator==(const CallableId&) const = default;
};

// What code_publish() saw last: positions in the tables it scanned (their
// nNumUsed), so that only entries added since are examined.
struct PublishSnapshot {
  std::uint32_t files = 0;
  std::uint32_t functions = 0;
  std::uint32_t classes = 0;
  std::uint32_t constants = 0;
  std::uint64_t autoload_generation = ~std::uint64_t{0};
  // class_table slots holding a class under its runtime-definition key at
  // the last scan: binding renames such a slot in place, changing no count.
  std::vector<std::uint32_t> unbound_classes;
  std::uint64_t epoch = 0;
};

struct KeyCacheEntry {
  FunctionKey key;
  const zend_string* filename;  // with the fields below, guards against address reuse
  std::uint32_t line_start;
  std::uint32_t line_end;
  std::uint32_t last;
};

struct Local {
  std::uint64_t generation = 0;
  zend_resource* guard = nullptr;        // see code_local.cc; set once request memory is held
  std::uint64_t synced = 0;              // the epoch this interpreter is synced to
  std::uint64_t autoloaders_synced = 0;  // autoloader events installed, up to this number
  PublishSnapshot published;
  std::vector<CallableId> known_autoloaders;
  std::unordered_map<std::string, std::unique_ptr<FileCode>> files;
  std::vector<std::unique_ptr<FileCode>> retired;          // replaced records, alive till shutdown
  std::unordered_map<std::string, zend_function*> found;   // code_find_function cache
  std::unordered_map<const zend_op*, KeyCacheEntry> keys;  // code_function_key cache
};

// The current interpreter's Local, made on first use; after a code_reset()
// it publishes and syncs again from nothing.
Local& local();
void register_guard_type(int module_number);

// The file's record: compiled by a sync, or else compiled now in the shadow
// (declaring nothing). Never null; its `main` is null when the file could not
// be compiled.
FileCode& file_code(const std::string& path);
// Compiles `path` for a sync: declares its compile-time functions and classes
// in this interpreter and marks it included. False when it was included here
// already (nothing done).
bool compile_for_sync(const std::string& path);
// Calls fn(op_array) for every op_array of the file: top-level code, functions,
// methods, and everything nested in their dynamic_func_defs.
void for_each_op_array(const FileCode& file, void (*fn)(zend_op_array*, void*), void* ctx);
void index_declarations(FileCode* file);

// Autoloaders (code_autoload.cc).
std::uint64_t autoload_generation();
CallableId callable_id(const zval* callable);
// The current autoloaders, as spl_autoload_functions() returns them (an array).
bool autoload_functions(zval* out);
// spl_autoload_register($callable); false with an exception thrown on failure.
bool autoload_register(zval* callable);

// Helpers.
inline bool equals(const zend_string* s, const std::string& t) {
  return ZSTR_LEN(s) == t.size() && std::memcmp(ZSTR_VAL(s), t.data(), t.size()) == 0;
}
inline std::string to_string(const zend_string* s) { return std::string(ZSTR_VAL(s), ZSTR_LEN(s)); }
std::string lower(const zend_string* s);

}  // namespace goos::php::code

#endif  // GOOS_PHP_CODE_INTERNAL_H
