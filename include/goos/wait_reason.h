// Why a goroutine or thread is blocked. Shown in dumps and deadlock reports, and
// it decides whether a wait can end without another goroutine's help (a sleep or
// an I/O wait can; waiting on a channel or mutex cannot).
#pragma once

#include <cstdint>

namespace goos {

enum class WaitReason : std::uint8_t {
  kNone,
  kChanSend,
  kChanRecv,
  kSelect,
  kSelectNoCases,  // select with no cases: blocks for ever
  kSemaphore,
  kMutex,
  kRWMutexRead,
  kRWMutexWrite,
  kWaitGroup,
  kOnce,
  kJoin,   // the origin waiting for every goroutine to finish
  kSleep,  // a deadline only: the clock will end it
  kIoRead,
  kIoWrite,
  kDump,      // waiting for the Ms to describe their goroutines (Runtime::snapshot_described)
  kCodeLoad,  // waiting for code another goroutine of the same M is loading (PHP: a class, a file)
  kBlockingCall,  // a call that only blocks, run on a helper thread (DNS lookup, waitpid)
};

// Lower-case words, as Go prints them: "chan receive", "sync.Mutex.Lock", ...
const char* to_string(WaitReason reason);

// True when only another goroutine or thread can end the wait (no clock, no fd).
// A process where every waiter is of this kind, and nothing runs, is deadlocked.
bool needs_another_party(WaitReason reason);

}  // namespace goos
