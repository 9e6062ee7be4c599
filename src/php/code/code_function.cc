// FunctionKey: a user function's code named so that another interpreter finds
// the same code among its own.
//
// A named function or method is found by name (the function table, the
// class's method table), its file and first line checked. A closure has no
// name: it is found among the closures' declarations (ZEND_ACC_CLOSURE
// op_arrays, reached through dynamic_func_defs) of the compiled file it came
// from, by lines, shape, then hash (see FunctionKey in code.h).
//
// Both directions are cached per interpreter, because transfer asks on every
// go() of a closure: the key of a function by its opcodes' address (guarded
// against the address being reused by other code: file, lines and size must
// match too), and the function of a key. A cached function stays valid: it
// lives in a function or class table, in shared opcache memory, or in a
// compiled file's code kept until code_worker_shutdown().
#include "code/code_internal.h"

#include "zend_closures.h"

namespace goos::php::code {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ull;

void mix(std::uint64_t* h, const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    *h ^= bytes[i];
    *h *= kFnvPrime;
  }
}

template <class T>
void mix_value(std::uint64_t* h, T value) {
  mix(h, &value, sizeof value);
}

void mix_string(std::uint64_t* h, const zend_string* s) {
  if (!s) {
    mix_value(h, std::uint8_t{0});
    return;
  }
  mix_value(h, static_cast<std::uint64_t>(ZSTR_LEN(s)));
  mix(h, ZSTR_VAL(s), ZSTR_LEN(s));
}

// What no compiler setting changes: flags that are syntax, parameter names,
// and the names of `use` and static variables.
std::uint64_t shape_of(const zend_op_array* op_array) {
  std::uint64_t h = kFnvOffset;
  constexpr std::uint32_t kSyntax = ZEND_ACC_STATIC | ZEND_ACC_RETURN_REFERENCE |
                                    ZEND_ACC_VARIADIC | ZEND_ACC_HAS_RETURN_TYPE |
                                    ZEND_ACC_GENERATOR;
  mix_value(&h, op_array->fn_flags & kSyntax);
  mix_value(&h, op_array->num_args);
  mix_value(&h, op_array->required_num_args);
  std::uint32_t args = op_array->num_args + ((op_array->fn_flags & ZEND_ACC_VARIADIC) ? 1 : 0);
  for (std::uint32_t i = 0; i < args && op_array->arg_info; ++i)
    mix_string(&h, op_array->arg_info[i].name);
  // Every slot, UNDEF ones too: a closure's copy of the table holds UNDEF
  // for an arrow function's implicit capture of a variable that was never
  // set (ZEND_BIND_LEXICAL), which the declaration holds as null.
  if (const HashTable* statics = op_array->static_variables) {
    for (std::uint32_t i = 0; i < statics->nNumUsed; ++i) {
      if (statics->arData[i].key) mix_string(&h, statics->arData[i].key);
    }
  }
  return h;
}

// Opcodes and literals. Literal offsets and handlers are left out: they
// differ between copies of one code (opcache's persisted layout, the JIT).
std::uint64_t hash_of(const zend_op_array* op_array) {
  std::uint64_t h = kFnvOffset;
  for (std::uint32_t i = 0; i < op_array->last; ++i) {
    const zend_op& op = op_array->opcodes[i];
    mix_value(&h, op.opcode);
    mix_value(&h, op.op1_type);
    mix_value(&h, op.op2_type);
    mix_value(&h, op.result_type);
  }
  for (int i = 0; i < op_array->last_literal; ++i) {
    const zval* literal = op_array->literals + i;
    mix_value(&h, Z_TYPE_P(literal));
    switch (Z_TYPE_P(literal)) {
      case IS_LONG:
        mix_value(&h, Z_LVAL_P(literal));
        break;
      case IS_DOUBLE:
        mix_value(&h, Z_DVAL_P(literal));
        break;
      case IS_STRING:
        mix_string(&h, Z_STR_P(literal));
        break;
      case IS_ARRAY:
        mix_value(&h, zend_hash_num_elements(Z_ARRVAL_P(literal)));
        break;
      default:
        break;
    }
  }
  return h;
}

bool is_closure(const zend_function* function) {
  return (function->common.fn_flags & ZEND_ACC_CLOSURE) &&
         !(function->common.fn_flags & ZEND_ACC_FAKE_CLOSURE);
}

// Why code from `filename` cannot be found in another interpreter, or "".
std::string unreachable(const zend_string* filename) {
  if (!filename) return "it has no file";
  if (zend_hash_exists(&EG(included_files), const_cast<zend_string*>(filename))) return {};
  std::string name = to_string(filename);
  if (name.find("eval()'d code") != std::string::npos) return "it was declared in eval()'d code";
  return "it was declared in " + name +
         ", which is not a file the script included (code given with php -r or on standard input "
         "cannot run in a goroutine: put it in a file)";
}

std::string cache_key(const FunctionKey& key) {
  std::string s;
  s.reserve(key.file.size() + key.scope.size() + key.name.size() + 48);
  s += key.closure ? 'c' : 'n';
  s += key.file;
  s += '\0';
  s += key.scope;
  s += '\0';
  s += key.name;
  s += '\0';
  s.append(reinterpret_cast<const char*>(&key.line_start), sizeof key.line_start);
  s.append(reinterpret_cast<const char*>(&key.line_end), sizeof key.line_end);
  s.append(reinterpret_cast<const char*>(&key.shape), sizeof key.shape);
  s.append(reinterpret_cast<const char*>(&key.hash), sizeof key.hash);
  return s;
}

void index_closures(FileCode* file) {
  if (file->closures_indexed) return;
  file->closures_indexed = true;
  for_each_op_array(
      *file,
      [](zend_op_array* op_array, void* ctx) {
        if (!(op_array->fn_flags & ZEND_ACC_CLOSURE)) return;
        auto* f = static_cast<FileCode*>(ctx);
        const std::uint64_t lines = std::uint64_t{op_array->line_start} << 32 | op_array->line_end;
        // One declaration may be reached twice (a method copied from a trait).
        auto [begin, end] = f->closures.equal_range(lines);
        for (auto it = begin; it != end; ++it) {
          if (it->second->opcodes == op_array->opcodes) return;
        }
        f->closures.emplace(lines, op_array);
      },
      file);
}

zend_function* find_closure(const FunctionKey& key) {
  FileCode& file = file_code(key.file);
  index_closures(&file);
  auto [begin, end] = file.closures.equal_range(std::uint64_t{key.line_start} << 32 | key.line_end);
  std::vector<zend_op_array*> shaped;
  for (auto it = begin; it != end; ++it) {
    if (shape_of(it->second) == key.shape) shaped.push_back(it->second);
  }
  if (shaped.size() == 1) return reinterpret_cast<zend_function*>(shaped[0]);
  for (zend_op_array* op_array : shaped) {
    if (hash_of(op_array) == key.hash) return reinterpret_cast<zend_function*>(op_array);
  }
  return nullptr;
}

zend_function* find_named(const FunctionKey& key) {
  zend_function* function = nullptr;
  if (key.scope.empty()) {
    function = static_cast<zend_function*>(
        zend_hash_str_find_ptr(EG(function_table), key.name.data(), key.name.size()));
  } else {
    zend_string* scope = zend_string_init(key.scope.data(), key.scope.size(), 0);
    zend_class_entry* ce = zend_lookup_class(scope);
    zend_string_release(scope);
    if (!ce) return nullptr;
    function = static_cast<zend_function*>(
        zend_hash_str_find_ptr(&ce->function_table, key.name.data(), key.name.size()));
  }
  if (!function || key.file.empty()) return function;
  // The same name for other code (a conditional declaration gone another
  // way) is not the function.
  if (function->type != ZEND_USER_FUNCTION || !equals(function->op_array.filename, key.file) ||
      function->op_array.line_start != key.line_start) {
    return nullptr;
  }
  return function;
}

}  // namespace

}  // namespace goos::php::code

namespace goos::php {

bool code_function_key(const zend_function* function, FunctionKey* key, std::string* why) {
  using namespace code;
  if (function->type != ZEND_USER_FUNCTION) {
    *key = FunctionKey{};
    key->name = lower(function->common.function_name);
    if (function->common.scope) key->scope = to_string(function->common.scope->name);
    return true;
  }
  const zend_op_array& op_array = function->op_array;
  Local& l = local();
  auto cached = l.keys.find(op_array.opcodes);
  if (cached != l.keys.end()) {
    const KeyCacheEntry& entry = cached->second;
    if ((entry.filename == op_array.filename ||
         zend_string_equals(const_cast<zend_string*>(entry.filename), op_array.filename)) &&
        entry.line_start == op_array.line_start && entry.line_end == op_array.line_end &&
        entry.last == op_array.last && entry.key.closure == is_closure(function)) {
      *key = entry.key;
      return true;
    }
  }

  std::string reason = unreachable(op_array.filename);
  if (!reason.empty()) {
    *why = std::move(reason);
    return false;
  }
  FunctionKey made;
  made.file = to_string(op_array.filename);
  made.line_start = op_array.line_start;
  made.line_end = op_array.line_end;
  if (is_closure(function)) {
    made.closure = true;
    made.name = "{closure}";
    made.shape = shape_of(&op_array);
    made.hash = hash_of(&op_array);
  } else {
    if (op_array.scope) {
      if (op_array.scope->ce_flags & ZEND_ACC_ANON_CLASS) {
        *why = "it is a method of an anonymous class, which no other thread can name";
        return false;
      }
      made.scope = to_string(op_array.scope->name);
    }
    made.name = lower(op_array.function_name);
  }
  l.keys[op_array.opcodes] =
      KeyCacheEntry{made, op_array.filename, op_array.line_start, op_array.line_end, op_array.last};
  *key = std::move(made);
  return true;
}

zend_function* code_find_function(const FunctionKey& key) {
  using namespace code;
  Local& l = local();
  std::string cache = cache_key(key);
  auto it = l.found.find(cache);
  if (it != l.found.end()) return it->second;
  zend_function* function = key.closure ? find_closure(key) : find_named(key);
  if (function) l.found.emplace(std::move(cache), function);
  return function;
}

}  // namespace goos::php
