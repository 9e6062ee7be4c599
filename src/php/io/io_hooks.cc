#include "io/io_hooks.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <string>

#include "io/hook_support.h"
#include "php.h"

namespace goos::io {

Originals real;

namespace {

std::vector<ImportHook> hook_list;
bool installed = false;
std::string own_path;  // goos's own .so: never patched (the hooks call the originals from it)

std::mutex report_lock;
std::vector<PatchedObject> report;  // guarded by report_lock
std::vector<std::string> failures;  // guarded by report_lock

// libc and the dynamic linker are where the originals live (their internal
// calls never go through a GOT); the vDSO has no imports; sanitizer and
// valgrind runtimes intercept these calls themselves.
bool skip_object(const char* path) {
  if (path[0] != '\0' && own_path == path) return true;
  const char* base = std::strrchr(path, '/');
  base = base != nullptr ? base + 1 : path;
  for (const char* prefix : {"libc.so", "ld-linux", "ld64.so", "linux-vdso", "linux-gate",
                             "libasan", "libtsan", "liblsan", "libubsan", "vgpreload_"}) {
    if (std::strncmp(base, prefix, std::strlen(prefix)) == 0) return true;
  }
  return false;
}

void note(std::vector<PatchedObject> objects) {
  std::lock_guard guard(report_lock);
  for (auto& object : objects) {
    if (!object.error.empty()) {
      std::string why = "goos.io_hooks: cannot hook the imports of " +
                        (object.path.empty() ? std::string("the PHP executable") : object.path) +
                        ": " + object.error + "; its I/O in goroutines blocks their thread";
      std::fprintf(stderr, "%s\n", why.c_str());
      failures.push_back(std::move(why));
    }
    report.push_back(std::move(object));
  }
}

decltype(&::dlopen) real_dlopen = nullptr;

// An object loaded later (dl(), an extension's own dlopen) is patched before
// anything can call through it: before dlopen returns its handle.
void* hook_dlopen(const char* file, int mode) {
  void* handle = real_dlopen(file, mode);
  if (handle != nullptr && !(mode & RTLD_NOLOAD))
    note(patch_loaded_objects(hook_list, skip_object));
  return handle;
}

template <typename F>
void resolve(F& slot, const char* name) {
  slot = reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
  if (slot == nullptr) {
    std::fprintf(stderr, "goos.io_hooks: fatal: %s not found: %s\n", name, dlerror());
    std::abort();
  }
}

}  // namespace

void install_hooks() {
  if (installed) return;
  Dl_info self{};
  if (dladdr(reinterpret_cast<void*>(&install_hooks), &self) != 0 && self.dli_fname != nullptr) {
    own_path = self.dli_fname;
    // The patched slots point into this object from now on, and the offload
    // helpers run in it: it must never be unloaded (PHP unloads extensions at
    // shutdown).
    dlopen(self.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
  }
#define GOOS_IO_RESOLVE(name) resolve(real.name, #name);
  GOOS_IO_ORIGINALS(GOOS_IO_RESOLVE)
#undef GOOS_IO_RESOLVE
  resolve(real_dlopen, "dlopen");
  add_poll_hooks(hook_list);
  add_socket_hooks(hook_list);
  add_resolver_hooks(hook_list);
  add_process_hooks(hook_list);
  hook_list.push_back({"dlopen", reinterpret_cast<void*>(&hook_dlopen)});
  installed = true;
  note(patch_loaded_objects(hook_list, skip_object));
  // PHP's streams wait in the executable's poll: without that hook nothing
  // that matters parks. Said loudly, as every failure is.
  std::lock_guard guard(report_lock);
  bool exe_polls = false;
  for (const auto& object : report) {
    if (!object.path.empty()) continue;
    for (const auto& s : object.symbols) exe_polls = exe_polls || s == "poll" || s == "__poll_chk";
  }
  if (!exe_polls) {
    std::string why =
        "goos.io_hooks: the PHP executable imports no poll() that could be hooked (a static "
        "build?): socket, stream and database I/O in goroutines blocks their thread";
    std::fprintf(stderr, "%s\n", why.c_str());
    failures.push_back(std::move(why));
  }
}

bool hooks_installed() { return installed; }

std::vector<std::string> hooks_failures() {
  std::lock_guard guard(report_lock);
  return failures;
}

// "on; php: accept close connect ...; also in 21 libraries: libcurl.so.4, ...":
// what the executable's calls reach, then which other objects had hooked imports.
std::string hooks_summary() {
  if (!installed) return "off";
  std::lock_guard guard(report_lock);
  std::vector<std::string> exe_symbols;
  std::vector<std::string> libraries;
  for (const auto& object : report) {
    if (object.slots == 0) continue;
    if (object.path.empty()) {
      exe_symbols = object.symbols;
      continue;
    }
    const char* base = std::strrchr(object.path.c_str(), '/');
    libraries.emplace_back(base != nullptr ? base + 1 : object.path.c_str());
  }
  std::sort(exe_symbols.begin(), exe_symbols.end());
  std::string out = "on; php:";
  for (const auto& s : exe_symbols) out += " " + s;
  out += "; also in " + std::to_string(libraries.size()) + " libraries:";
  for (std::size_t i = 0; i < libraries.size(); ++i) out += (i == 0 ? " " : ", ") + libraries[i];
  return out;
}

}  // namespace goos::io
