// The I/O hooks: libc calls that would block a goroutine's thread, redirected
// (src/php/io/elf_imports.h) to versions that park the goroutine instead.
//
// Installed once, at MINIT (single-threaded; php-fpm's children inherit the
// patched tables), when goos.io_hooks is on; objects loaded later (dl(), an
// extension's own dlopen) are patched as they load, through the dlopen hook.
// Each hook decides at call time: inside a goroutine it parks; anywhere else
// (the script's own thread, sysmon, a library's private threads, an M's
// scheduler) it calls the original, unchanged.
#pragma once

#include <string>
#include <vector>

namespace goos::io {

// Patches every loaded object but libc, the dynamic linker, the vDSO and goos
// itself. Failures are logged to stderr (and kept for phpinfo()); it never
// throws. Call once, from MINIT.
void install_hooks();

// For phpinfo(): what was hooked where, and what failed ("" when not installed).
std::string hooks_summary();
std::vector<std::string> hooks_failures();
bool hooks_installed();

}  // namespace goos::io
