// Rewriting the import tables (GOT slots) of the objects loaded in this
// process, so that their calls to a libc function reach a hook instead.
//
// This is how goos interposes without LD_PRELOAD: every call an object makes
// to a shared-library function goes through a slot of its GOT (the PLT's
// JUMP_SLOT relocations, and GLOB_DAT for address-taken functions and
// -fno-plt code); the dynamic linker fills the slot, and we overwrite it.
// Pages under RELRO are made writable for the write and read-only again.
//
// No Zend header here: this is plain ELF work (glibc, x86-64 and aarch64).
#pragma once

#include <string>
#include <vector>

namespace goos::io {

// One function to redirect: every import of `symbol` gets `hook`.
struct ImportHook {
  const char* symbol;
  void* hook;
};

// What one scan did to one object.
struct PatchedObject {
  std::string path;                  // as the dynamic linker names it ("" is the executable)
  std::vector<std::string> symbols;  // the hooked imports found (each may have several slots)
  int slots = 0;
  std::string error;  // non-empty: a slot could not be written (mprotect refused)
};

// Patches every object loaded now that was not patched by an earlier call,
// except those `skip` says to leave alone (called with the object's path).
// Thread-safe against itself; writes to a slot are single aligned stores, so
// threads calling through it meanwhile see the old or the new target.
std::vector<PatchedObject> patch_loaded_objects(const std::vector<ImportHook>& hooks,
                                                bool (*skip)(const char* path));

}  // namespace goos::io
