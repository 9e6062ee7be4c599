#include "goos/wait_reason.h"

namespace goos {

const char* to_string(WaitReason reason) {
  switch (reason) {
    case WaitReason::kNone:
      return "running";
    case WaitReason::kChanSend:
      return "chan send";
    case WaitReason::kChanRecv:
      return "chan receive";
    case WaitReason::kSelect:
      return "select";
    case WaitReason::kSelectNoCases:
      return "select (no cases)";
    case WaitReason::kSemaphore:
      return "semacquire";
    case WaitReason::kMutex:
      return "sync.Mutex.Lock";
    case WaitReason::kRWMutexRead:
      return "sync.RWMutex.RLock";
    case WaitReason::kRWMutexWrite:
      return "sync.RWMutex.Lock";
    case WaitReason::kWaitGroup:
      return "sync.WaitGroup.Wait";
    case WaitReason::kOnce:
      return "sync.Once.Do";
    case WaitReason::kJoin:
      return "Scheduler::join";
    case WaitReason::kSleep:
      return "sleep";
    case WaitReason::kIoRead:
      return "IO wait (read)";
    case WaitReason::kIoWrite:
      return "IO wait (write)";
    case WaitReason::kDump:
      return "goroutine dump";
    case WaitReason::kCodeLoad:
      return "code load";
    case WaitReason::kBlockingCall:
      return "syscall";
  }
  return "unknown";
}

bool needs_another_party(WaitReason reason) {
  switch (reason) {
    case WaitReason::kSleep:
    case WaitReason::kIoRead:
    case WaitReason::kIoWrite:
    case WaitReason::kBlockingCall:  // the helper thread ends it
    case WaitReason::kDump:          // the runtime's own Ms end it
    case WaitReason::kNone:
      return false;
    default:
      return true;
  }
}

}  // namespace goos
