#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "goos/chan.h"

namespace goos {
namespace {

// Counts live instances, so a test can see that a channel neither leaks nor
// double-destroys its elements.
struct Tracked {
  static inline std::atomic<int> live{0};
  int value;
  explicit Tracked(int v) : value(v) { ++live; }
  Tracked(Tracked&& other) noexcept : value(other.value) {
    other.value = -1;
    ++live;
  }
  Tracked(const Tracked& other) : value(other.value) { ++live; }
  ~Tracked() { --live; }
};

TEST(chan, move_only_values_travel_through_a_channel) {
  Chan<std::unique_ptr<std::string>> c(2);
  ASSERT_EQ(c.send(std::make_unique<std::string>("a")), ChanStatus::kOk);
  ASSERT_EQ(c.send(std::make_unique<std::string>("b")), ChanStatus::kOk);
  EXPECT_EQ(**c.recv(), "a");
  EXPECT_EQ(**c.recv(), "b");
}

TEST(chan, lvalues_are_sent_as_copies) {
  Chan<std::string> c(1);
  const std::string value = "kept";
  ASSERT_EQ(c.send(value), ChanStatus::kOk);
  EXPECT_EQ(value, "kept");
  EXPECT_EQ(c.recv(), "kept");
}

TEST(chan, buffered_values_are_destroyed_with_the_channel) {
  const int before = Tracked::live;
  {
    Chan<Tracked> c(4);
    for (int i = 0; i < 3; ++i) ASSERT_EQ(c.send(Tracked(i)), ChanStatus::kOk);
    EXPECT_EQ(Tracked::live, before + 3);
    EXPECT_EQ(c.recv()->value, 0);
    EXPECT_EQ(Tracked::live, before + 2);
  }
  EXPECT_EQ(Tracked::live, before);
}

TEST(chan, recv_into_null_storage_discards_the_value) {
  const int before = Tracked::live;
  Chan<Tracked> c(1);
  ASSERT_EQ(c.send(Tracked(1)), ChanStatus::kOk);
  EXPECT_EQ(c.raw().recv(nullptr), ChanStatus::kOk);
  EXPECT_EQ(Tracked::live, before);
  EXPECT_EQ(c.len(), 0u);
}

TEST(chan, raw_chan_moves_values_with_its_element_operations) {
  const int before = Tracked::live;
  RawChan c(2, ElemOps::of<Tracked>());
  EXPECT_EQ(c.elem_ops().size, sizeof(Tracked));
  Tracked value(5);
  ASSERT_EQ(c.send(&value), ChanStatus::kOk);
  EXPECT_EQ(value.value, -1) << "moved from on kOk";
  RecvSlot<Tracked> slot;
  ASSERT_EQ(c.recv(slot.storage()), ChanStatus::kOk);
  Tracked received = slot.take();
  EXPECT_EQ(received.value, 5);
  EXPECT_EQ(Tracked::live, before + 2);  // `value` (moved from) and `received`
}

TEST(chan, over_aligned_elements_are_stored_aligned) {
  struct alignas(64) Wide {
    std::uint64_t words[3];
  };
  Chan<Wide> c(3);
  for (std::uint64_t i = 0; i < 3; ++i) ASSERT_EQ(c.send(Wide{{i, i + 1, i + 2}}), ChanStatus::kOk);
  for (std::uint64_t i = 0; i < 3; ++i) {
    std::optional<Wide> out = c.recv();
    ASSERT_TRUE(out.has_value());
    EXPECT_EQ(out->words[2], i + 2);
  }
}

TEST(chan, impossible_capacity_throws_length_error) {
  EXPECT_THROW(RawChan(SIZE_MAX / 2, ElemOps::of<std::uint64_t>()), std::length_error);
}

TEST(chan, status_names_read_as_words) {
  EXPECT_STREQ(to_string(ChanStatus::kOk), "ok");
  EXPECT_STREQ(to_string(ChanStatus::kClosed), "closed");
  EXPECT_STREQ(to_string(ChanStatus::kTimeout), "timeout");
  EXPECT_STREQ(to_string(ChanStatus::kWouldBlock), "would block");
}

}  // namespace
}  // namespace goos
