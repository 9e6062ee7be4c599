// One interpreter's side of code sharing: its Local, the files it compiled,
// and the walk over a compiled file's op_arrays.
//
// Two ways to compile a file here:
//
//  - For a sync (compile_for_sync): zend_compile_file() into the
//    interpreter's own tables, as include would, without running the result.
//    PHP declares at compile time the top-level functions and the classes it
//    can link then (8.2 and 8.4: no interfaces, no traits, and a parent that
//    is already declared; with opcache, zend_accel_load_script() copies the
//    cached script's functions and classes in and runs its delayed early
//    binding). Everything else waits in the code as DECLARE_FUNCTION /
//    DECLARE_CLASS(_DELAYED) opcodes, the classes parked in the class table
//    under a runtime-definition key ("\0name/path:line$n"); code_sync.cc
//    binds those the publisher declared. The top-level op_array is kept (not
//    destroyed as include destroys it after running it): run-time
//    declarations and closures' code live in its dynamic_func_defs.
//
//  - In the shadow (shadow_compile): for a file this interpreter ran itself
//    (an include in a goroutine, the origin's own script), whose top-level
//    op_array PHP destroyed after running it, when a closure from it must be
//    found. The file is compiled again with the function and class tables
//    swapped for empty ones of the record's own, so that nothing is declared
//    (nor redeclared). With opcache the result is the cached, shared code.
#include "code/code_internal.h"

#include <unistd.h>

#include "zend_compile.h"
#include "zend_exceptions.h"

namespace goos::php::code {
namespace {

thread_local Local* current = nullptr;

// The resource type of the guard below (registered by code_minit()).
int guard_type = -1;

// A Local that holds request memory puts a guard resource in the request's
// resource list: PHP closes that list early in its executor shutdown
// (zend_shutdown_executor_values(), before the symbol, function and class
// tables are destroyed), which releases the Local even in an interpreter
// whose owner does not call code_worker_shutdown() -- the origin. The
// resource's ptr is only a marker: null once the Local is gone.
void guard_dtor(zend_resource* resource) {
  if (!resource->ptr) return;
  resource->ptr = nullptr;
  goos::php::code_worker_shutdown();
}

void guard(Local* l) {
  if (l->guard || guard_type < 0) return;
  l->guard = zend_register_resource(l, guard_type);
}

void release_file(FileCode* file) {
  if (file->main) {
    zend_destroy_static_vars(file->main);
    destroy_op_array(file->main);
    efree_size(file->main, sizeof(zend_op_array));
    file->main = nullptr;
  }
  // Children before parents, as PHP destroys its class table.
  if (file->shadow_classes) {
    zend_hash_graceful_reverse_destroy(file->shadow_classes);
    FREE_HASHTABLE(file->shadow_classes);
    file->shadow_classes = nullptr;
  }
  if (file->shadow_functions) {
    zend_hash_graceful_reverse_destroy(file->shadow_functions);
    FREE_HASHTABLE(file->shadow_functions);
    file->shadow_functions = nullptr;
  }
}

// The user functions and classes appended to the tables since `functions`
// and `classes` (their nNumUsed before a compile).
void collect_new(FileCode* file, std::uint32_t functions, std::uint32_t classes) {
  HashTable* ft = EG(function_table);
  if (ft->nNumUsed < functions)
    functions = 0;  // compacted: rescan (nothing is deleted in practice)
  for (std::uint32_t i = functions; i < ft->nNumUsed; ++i) {
    Bucket* p = ft->arData + i;
    if (Z_TYPE(p->val) == IS_UNDEF) continue;
    auto* fn = static_cast<zend_function*>(Z_PTR(p->val));
    if (fn->type == ZEND_USER_FUNCTION) file->functions.push_back(fn);
  }
  HashTable* ct = EG(class_table);
  if (ct->nNumUsed < classes) classes = 0;
  for (std::uint32_t i = classes; i < ct->nNumUsed; ++i) {
    Bucket* p = ct->arData + i;
    if (Z_TYPE(p->val) == IS_UNDEF) continue;
    auto* ce = static_cast<zend_class_entry*>(Z_PTR(p->val));
    if (ce->type == ZEND_USER_CLASS) file->classes.push_back(ce);
  }
}

// Whether a plain path names a readable file; a wrapper's path is left to the
// wrapper. Checked first so that a missing file is no warning from a lookup.
bool readable(const std::string& path) {
  if (path.find("://") != std::string::npos) return true;
  return access(path.c_str(), R_OK) == 0;
}

void shadow_compile(FileCode* file) {
  file->shadow_functions = static_cast<HashTable*>(emalloc(sizeof(HashTable)));
  zend_hash_init(file->shadow_functions, 8, nullptr, ZEND_FUNCTION_DTOR, 0);
  file->shadow_classes = static_cast<HashTable*>(emalloc(sizeof(HashTable)));
  zend_hash_init(file->shadow_classes, 8, nullptr, ZEND_CLASS_DTOR, 0);
  if (!readable(file->path)) return;

  HashTable* cg_functions = CG(function_table);
  HashTable* cg_classes = CG(class_table);
  HashTable* eg_functions = EG(function_table);
  HashTable* eg_classes = EG(class_table);
  auto restore = [&] {
    CG(function_table) = cg_functions;
    CG(class_table) = cg_classes;
    EG(function_table) = eg_functions;
    EG(class_table) = eg_classes;
  };
  // EG too: early binding looks parents up in EG(class_table), and opcache's
  // delayed early binding binds in it; both must stay within the shadow.
  CG(function_table) = EG(function_table) = file->shadow_functions;
  CG(class_table) = EG(class_table) = file->shadow_classes;

  zend_string* name = zend_string_init(file->path.data(), file->path.size(), 0);
  zend_file_handle handle;
  zend_stream_init_filename_ex(&handle, name);
  zend_op_array* op_array = nullptr;
  zend_try { op_array = zend_compile_file(&handle, ZEND_INCLUDE); }
  zend_catch {
    restore();
    zend_destroy_file_handle(&handle);
    zend_string_release(name);
    zend_bailout();
  }
  zend_end_try();
  restore();
  zend_destroy_file_handle(&handle);
  zend_string_release(name);
  if (!op_array && EG(exception)) zend_clear_exception();  // a ParseError: not found, then
  file->main = op_array;
}

bool same_file(const zend_op_array* op_array, const zend_string* filename) {
  return op_array->filename == filename || zend_string_equals(op_array->filename, filename);
}

void walk(zend_op_array* op_array, const zend_string* filename, void (*fn)(zend_op_array*, void*),
          void* ctx) {
  if (!same_file(op_array, filename)) return;  // a trait's method copied into a class of this file
  fn(op_array, ctx);
  for (std::uint32_t i = 0; i < op_array->num_dynamic_func_defs; ++i) {
    walk(op_array->dynamic_func_defs[i], filename, fn, ctx);
  }
}

void walk_class(zend_class_entry* ce, const zend_string* filename,
                void (*fn)(zend_op_array*, void*), void* ctx) {
  if (ce->type != ZEND_USER_CLASS) return;
  zval* entry;
  ZEND_HASH_MAP_FOREACH_VAL(&ce->function_table, entry) {
    auto* method = static_cast<zend_function*>(Z_PTR_P(entry));
    if (method->type == ZEND_USER_FUNCTION && method->common.scope == ce) {
      walk(&method->op_array, filename, fn, ctx);
    }
  }
  ZEND_HASH_FOREACH_END();
}

}  // namespace

Local& local() {
  const std::uint64_t generation = registry().generation();
  if (!current) {
    current = new Local;
    current->generation = generation;
  } else if (current->generation != generation) {
    // The registry was reset while this request went on: publish and sync
    // again from nothing. What was compiled here stays (the guard ties it to
    // this request, so it is this request's).
    current->generation = generation;
    current->synced = 0;
    current->autoloaders_synced = 0;
    current->published = PublishSnapshot{};
    current->known_autoloaders.clear();
    // Both hold addresses of the ended request's code, which the next
    // request's may reuse: a page compiled where the previous page was got
    // the previous page's closure keys (php-fpm, issue 15), its file name
    // compared by a pointer that the next request reused too.
    current->keys.clear();
    current->found.clear();
  }
  return *current;
}

void register_guard_type(int module_number) {
  guard_type = zend_register_list_destructors_ex(guard_dtor, nullptr, "goos code", module_number);
}

std::string lower(const zend_string* s) {
  std::string out(ZSTR_VAL(s), ZSTR_LEN(s));
  zend_str_tolower(out.data(), out.size());
  return out;
}

bool compile_for_sync(const std::string& path) {
  zend_string* name = zend_string_init(path.data(), path.size(), 0);
  if (zend_hash_exists(&EG(included_files), name)) {
    zend_string_release(name);
    return false;
  }
  const std::uint32_t functions = EG(function_table)->nNumUsed;
  const std::uint32_t classes = EG(class_table)->nNumUsed;
  zend_file_handle handle;
  zend_stream_init_filename_ex(&handle, name);
  // ZEND_REQUIRE: a file that cannot be opened is fatal, as for require.
  zend_op_array* op_array = zend_compile_file(&handle, ZEND_REQUIRE);
  zend_destroy_file_handle(&handle);
  // Included even when it failed to compile: the publisher has it included.
  zend_hash_add_empty_element(&EG(included_files), name);
  zend_string_release(name);
  if (!op_array) {
    // A ParseError: the publisher met it too (and caught it, or it would not
    // have got to go()).
    if (EG(exception)) zend_clear_exception();
    return true;
  }

  auto file = std::make_unique<FileCode>();
  file->path = path;
  file->main = op_array;
  collect_new(file.get(), functions, classes);
  Local& l = local();
  guard(&l);
  auto& slot = l.files[path];
  if (slot) l.retired.push_back(std::move(slot));  // a shadow record: cached lookups may use it
  slot = std::move(file);
  return true;
}

FileCode& file_code(const std::string& path) {
  Local& l = local();
  auto& slot = l.files[path];
  if (!slot) {
    guard(&l);
    slot = std::make_unique<FileCode>();
    slot->path = path;
    shadow_compile(slot.get());
  }
  return *slot;
}

void for_each_op_array(const FileCode& file, void (*fn)(zend_op_array*, void*), void* ctx) {
  if (!file.main) return;
  const zend_string* filename = file.main->filename;
  walk(file.main, filename, fn, ctx);
  if (file.shadow()) {
    zval* entry;
    ZEND_HASH_MAP_FOREACH_VAL(file.shadow_functions, entry) {
      auto* function = static_cast<zend_function*>(Z_PTR_P(entry));
      if (function->type == ZEND_USER_FUNCTION) walk(&function->op_array, filename, fn, ctx);
    }
    ZEND_HASH_FOREACH_END();
    ZEND_HASH_MAP_FOREACH_VAL(file.shadow_classes, entry) {
      walk_class(static_cast<zend_class_entry*>(Z_PTR_P(entry)), filename, fn, ctx);
    }
    ZEND_HASH_FOREACH_END();
    return;
  }
  for (zend_function* function : file.functions) walk(&function->op_array, filename, fn, ctx);
  for (zend_class_entry* ce : file.classes) walk_class(ce, filename, fn, ctx);
}

void index_declarations(FileCode* file) {
  if (file->decls_indexed) return;
  file->decls_indexed = true;
  for_each_op_array(
      *file,
      [](zend_op_array* op_array, void* ctx) {
        auto* f = static_cast<FileCode*>(ctx);
        for (std::uint32_t i = 0; i < op_array->last; ++i) {
          zend_op* opline = op_array->opcodes + i;
          switch (opline->opcode) {
            case ZEND_DECLARE_CLASS:
            case ZEND_DECLARE_CLASS_DELAYED: {
              zval* lcname = RT_CONSTANT(opline, opline->op1);
              zend_string* parent = opline->op2_type == IS_CONST
                                        ? Z_STR_P(RT_CONSTANT(opline, opline->op2))
                                        : nullptr;
              f->class_decls.emplace(to_string(Z_STR_P(lcname)),
                                     FileCode::ClassDecl{lcname, parent});
              break;
            }
            case ZEND_DECLARE_FUNCTION: {
              zval* lcname = RT_CONSTANT(opline, opline->op1);
              auto* function =
                  reinterpret_cast<zend_function*>(op_array->dynamic_func_defs[opline->op2.num]);
              f->function_decls.emplace(to_string(Z_STR_P(lcname)),
                                        FileCode::FunctionDecl{lcname, function});
              break;
            }
            default:
              break;
          }
        }
      },
      file);
}

}  // namespace goos::php::code

namespace goos::php {

void code_worker_shutdown() {
  using namespace code;
  Local* l = current;
  current = nullptr;
  if (!l) return;
  if (l->guard) l->guard->ptr = nullptr;  // still in the request's list, which frees it
  for (auto& [path, file] : l->files) release_file(file.get());
  for (auto& file : l->retired) release_file(file.get());
  delete l;
}

}  // namespace goos::php
