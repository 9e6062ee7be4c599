// select: wait for the first of several channel operations, and perform exactly
// that one. Go's select statement, over RawChan.
#pragma once

#include <memory>
#include <span>

#include "goos/chan.h"
#include "goos/clock.h"

namespace goos {

struct SelectCase {
  enum Kind { kSend, kRecv };
  Kind kind;
  // nullptr: never ready, as a nil channel in Go.
  RawChan* chan;
  // kSend: the value to send, moved from only if this case is chosen and ok.
  // kRecv: uninitialised storage, constructed only if this case is chosen and ok
  // (nullptr discards the value).
  void* elem;
};

struct SelectResult {
  int index = -1;   // the chosen case; -1: timed out, or a non-blocking select found none ready
  bool ok = false;  // the chosen case moved a value (recv: false when closed and drained)
  bool send_on_closed = false;  // the chosen case is a send on a closed channel (Go panics)
};

// Performs one ready case, chosen uniformly at random among the ready ones. If
// none is ready: returns index -1 at once when `block` is false, else parks until
// one is ready or `deadline` passes. With no cases (or only nil channels) it
// sleeps until the deadline, for ever without one.
SelectResult select(std::span<SelectCase> cases, Deadline deadline = kNoDeadline,
                    bool block = true);

// Typed cases.
template <typename T>
SelectCase send_case(Chan<T>& chan, T& value) {
  return {SelectCase::kSend, &chan.raw(), std::addressof(value)};
}
template <typename T>
SelectCase recv_case(Chan<T>& chan, RecvSlot<T>& slot) {
  return {SelectCase::kRecv, &chan.raw(), slot.storage()};
}

}  // namespace goos
