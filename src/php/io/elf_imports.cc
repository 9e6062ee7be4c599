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
#include <vector>

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

struct HookIndex;

struct ScanState {
  const HookIndex* index;
  bool (*skip)(const char*);
  std::vector<PatchedObject>* out;
};

// glibc relocates the dynamic section's addresses in place on these targets;
// an unrelocated one (smaller than the load address) is made absolute here.
template <typename T>
T* dyn_ptr(ElfW(Addr) base, ElfW(Addr) value) {
  return reinterpret_cast<T*>(value < base ? base + value : value);
}

// The hooks by the first byte of their symbol: most imports are ruled out
// with one lookup instead of a strcmp per hook (scanning every object's
// relocations is most of the startup cost).
struct HookIndex {
  std::vector<const ImportHook*> by_first[256];
  explicit HookIndex(const std::vector<ImportHook>& hooks) {
    for (const ImportHook& hook : hooks) {
      by_first[static_cast<unsigned char>(hook.symbol[0])].push_back(&hook);
    }
  }
  const ImportHook* find(const char* name) const {
    for (const ImportHook* hook : by_first[static_cast<unsigned char>(name[0])]) {
      if (std::strcmp(name, hook->symbol) == 0) return hook;
    }
    return nullptr;
  }
};

struct SlotWrite {
  void** slot;
  void* value;
};

// Collects the slots of `rela` that import a hooked symbol.
void find_slots(const ElfW(Rela) * rela, std::size_t count, ElfW(Addr) base,
                const ElfW(Sym) * symtab, const char* strtab, const HookIndex& index,
                std::vector<SlotWrite>& writes, PatchedObject& object) {
  for (std::size_t i = 0; i < count; ++i) {
    const auto type = static_cast<std::uint32_t>(ELF64_R_TYPE(rela[i].r_info));
    if (type != kJumpSlot && type != kGlobDat) continue;
    const char* name = strtab + symtab[ELF64_R_SYM(rela[i].r_info)].st_name;
    const ImportHook* hook = index.find(name);
    if (hook == nullptr) continue;
    writes.push_back({reinterpret_cast<void**>(base + rela[i].r_offset), hook->hook});
    bool listed = false;
    for (const auto& s : object.symbols) listed = listed || s == name;
    if (!listed) object.symbols.emplace_back(name);
  }
}

// Writes every slot, lifting RELRO's write protection once around them all.
bool write_slots(const std::vector<SlotWrite>& writes, ElfW(Addr) relro_start, ElfW(Addr) relro_end,
                 std::string& error) {
  const auto page = static_cast<ElfW(Addr)>(sysconf(_SC_PAGESIZE));
  const ElfW(Addr) first = relro_start & ~(page - 1);
  const ElfW(Addr) last = (relro_end + page - 1) & ~(page - 1);
  bool in_relro = false;
  for (const SlotWrite& w : writes) {
    const auto addr = reinterpret_cast<ElfW(Addr)>(w.slot);
    in_relro = in_relro || (addr >= relro_start && addr < relro_end);
  }
  if (in_relro &&
      mprotect(reinterpret_cast<void*>(first), last - first, PROT_READ | PROT_WRITE) != 0) {
    error =
        std::string("mprotect(PROT_READ|PROT_WRITE) of its RELRO pages: ") + std::strerror(errno);
    return false;
  }
  for (const SlotWrite& w : writes) __atomic_store_n(w.slot, w.value, __ATOMIC_RELEASE);
  if (in_relro) mprotect(reinterpret_cast<void*>(first), last - first, PROT_READ);
  return true;
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
  std::vector<SlotWrite> writes;
  if (jmprel != nullptr && plt_is_rela) {
    find_slots(jmprel, jmprel_size / sizeof(ElfW(Rela)), base, symtab, strtab, *state.index, writes,
               object);
  }
  if (rela != nullptr) {
    find_slots(rela, rela_size / sizeof(ElfW(Rela)), base, symtab, strtab, *state.index, writes,
               object);
  }
  if (!writes.empty() && write_slots(writes, relro_start, relro_end, object.error)) {
    object.slots = static_cast<int>(writes.size());
  }
  if (object.slots > 0 || !object.error.empty()) state.out->push_back(std::move(object));
  return 0;
}

}  // namespace

std::vector<PatchedObject> patch_loaded_objects(const std::vector<ImportHook>& hooks,
                                                bool (*skip)(const char* path)) {
  std::vector<PatchedObject> out;
  std::lock_guard guard(scan_lock);
  const HookIndex index(hooks);
  ScanState state{&index, skip, &out};
  dl_iterate_phdr(scan_object, &state);
  return out;
}

}  // namespace goos::io
