#include "io/elf_imports.h"

#include <elf.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <set>
#include <utility>

namespace goos::io {
namespace {

#if defined(__x86_64__)
constexpr std::uint32_t kJumpSlot = R_X86_64_JUMP_SLOT;
constexpr std::uint32_t kGlobDat = R_X86_64_GLOB_DAT;
#elif defined(__aarch64__)
constexpr std::uint32_t kJumpSlot = R_AARCH64_JUMP_SLOT;
constexpr std::uint32_t kGlobDat = R_AARCH64_GLOB_DAT;
#else
#error "goos's I/O hooks patch ELF import slots on x86-64 and aarch64 only"
#endif

// Objects already patched, by load address and name: a later scan (after a
// dlopen) patches only the new ones. Guarded by scan_lock.
std::mutex scan_lock;
std::set<std::pair<ElfW(Addr), std::string>> patched;

struct ScanState {
  const std::vector<ImportHook>* hooks;
  bool (*skip)(const char*);
  std::vector<PatchedObject>* out;
};

// glibc relocates the dynamic section's addresses in place on these targets;
// an unrelocated one (smaller than the load address) is made absolute here.
template <typename T>
T* dyn_ptr(ElfW(Addr) base, ElfW(Addr) value) {
  return reinterpret_cast<T*>(value < base ? base + value : value);
}

// Writes `value` into `slot`, lifting RELRO's write protection around it.
bool write_slot(void** slot, void* value, ElfW(Addr) relro_start, ElfW(Addr) relro_end,
                std::string& error) {
  const auto addr = reinterpret_cast<ElfW(Addr)>(slot);
  const bool protected_page = addr >= relro_start && addr < relro_end;
  const long page = sysconf(_SC_PAGESIZE);
  void* page_start = reinterpret_cast<void*>(addr & ~static_cast<ElfW(Addr)>(page - 1));
  if (protected_page && mprotect(page_start, page, PROT_READ | PROT_WRITE) != 0) {
    error = std::string("mprotect(PROT_READ|PROT_WRITE) of a RELRO page: ") + std::strerror(errno);
    return false;
  }
  __atomic_store_n(slot, value, __ATOMIC_RELEASE);
  if (protected_page) mprotect(page_start, page, PROT_READ);
  return true;
}

void patch_relocations(const ElfW(Rela) * rela, std::size_t count, ElfW(Addr) base,
                       const ElfW(Sym) * symtab, const char* strtab, const ScanState& state,
                       ElfW(Addr) relro_start, ElfW(Addr) relro_end, PatchedObject& object) {
  for (std::size_t i = 0; i < count; ++i) {
    const auto type = static_cast<std::uint32_t>(ELF64_R_TYPE(rela[i].r_info));
    if (type != kJumpSlot && type != kGlobDat) continue;
    const char* name = strtab + symtab[ELF64_R_SYM(rela[i].r_info)].st_name;
    for (const ImportHook& hook : *state.hooks) {
      if (std::strcmp(name, hook.symbol) != 0) continue;
      void** slot = reinterpret_cast<void**>(base + rela[i].r_offset);
      if (!write_slot(slot, hook.hook, relro_start, relro_end, object.error)) return;
      ++object.slots;
      bool listed = false;
      for (const auto& s : object.symbols) listed = listed || s == name;
      if (!listed) object.symbols.emplace_back(name);
      break;
    }
  }
}

int scan_object(dl_phdr_info* info, std::size_t, void* data) {
  auto& state = *static_cast<ScanState*>(data);
  const char* path = info->dlpi_name != nullptr ? info->dlpi_name : "";
  if (state.skip(path)) return 0;
  if (!patched.emplace(info->dlpi_addr, path).second) return 0;
  const ElfW(Addr) base = info->dlpi_addr;
  const ElfW(Dyn)* dynamic = nullptr;
  ElfW(Addr) relro_start = 0, relro_end = 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type == PT_DYNAMIC) dynamic = reinterpret_cast<const ElfW(Dyn)*>(base + ph.p_vaddr);
    if (ph.p_type == PT_GNU_RELRO) {
      relro_start = base + ph.p_vaddr;
      relro_end = relro_start + ph.p_memsz;
    }
  }
  if (dynamic == nullptr) return 0;  // static: nothing imported
  const ElfW(Sym)* symtab = nullptr;
  const char* strtab = nullptr;
  const ElfW(Rela)* jmprel = nullptr;
  const ElfW(Rela)* rela = nullptr;
  std::size_t jmprel_size = 0, rela_size = 0;
  bool plt_is_rela = true;
  for (const ElfW(Dyn)* d = dynamic; d->d_tag != DT_NULL; ++d) {
    switch (d->d_tag) {
      case DT_SYMTAB:
        symtab = dyn_ptr<const ElfW(Sym)>(base, d->d_un.d_ptr);
        break;
      case DT_STRTAB:
        strtab = dyn_ptr<const char>(base, d->d_un.d_ptr);
        break;
      case DT_JMPREL:
        jmprel = dyn_ptr<const ElfW(Rela)>(base, d->d_un.d_ptr);
        break;
      case DT_PLTRELSZ:
        jmprel_size = d->d_un.d_val;
        break;
      case DT_PLTREL:
        plt_is_rela = d->d_un.d_val == DT_RELA;
        break;
      case DT_RELA:
        rela = dyn_ptr<const ElfW(Rela)>(base, d->d_un.d_ptr);
        break;
      case DT_RELASZ:
        rela_size = d->d_un.d_val;
        break;
      default:
        break;
    }
  }
  if (symtab == nullptr || strtab == nullptr) return 0;
  PatchedObject object;
  object.path = path;
  if (jmprel != nullptr && plt_is_rela) {
    patch_relocations(jmprel, jmprel_size / sizeof(ElfW(Rela)), base, symtab, strtab, state,
                      relro_start, relro_end, object);
  }
  if (rela != nullptr && object.error.empty()) {
    patch_relocations(rela, rela_size / sizeof(ElfW(Rela)), base, symtab, strtab, state,
                      relro_start, relro_end, object);
  }
  if (object.slots > 0 || !object.error.empty()) state.out->push_back(std::move(object));
  return 0;
}

}  // namespace

std::vector<PatchedObject> patch_loaded_objects(const std::vector<ImportHook>& hooks,
                                                bool (*skip)(const char* path)) {
  std::vector<PatchedObject> out;
  std::lock_guard guard(scan_lock);
  ScanState state{&hooks, skip, &out};
  dl_iterate_phdr(scan_object, &state);
  return out;
}

}  // namespace goos::io
